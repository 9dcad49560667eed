import { type Context, context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it, vi } from 'vitest';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { getAppContext } from '../../../src/shared/app/appContextHolder.js';
import { ensureAsyncContext } from '../../../src/shared/context/asyncContext.js';

let builtIn: Context | undefined;
vi.mock('../../../src/shared/app/buildAppContext.js', () => ({
  buildAppContext: async () => {
    builtIn = context.active();
    return {} as AppContext;
  },
}));

describe('the process-wide AppContext', () => {
  it('is built outside the trace of the invocation that first needs it', async () => {
    ensureAsyncContext();
    // The Functions host's request span, as a function sees it in Azure.
    const request = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: 'e5'.repeat(16),
      spanId: 'f6'.repeat(8),
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    await context.with(request, () => getAppContext());
    expect(builtIn).toBe(ROOT_CONTEXT);
  });
});

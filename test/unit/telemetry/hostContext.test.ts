import { InvocationContext } from '@azure/functions';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hostContext } from '../../../src/shared/telemetry/otel/functionsHook.js';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../integration/telemetry/inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';

/** The parent span context an invocation's spans would join, from the host's `traceContext`. */
function parentOf(traceParent: string | undefined, traceState = '') {
  const invocation = new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'test',
    traceContext: traceParent === undefined ? undefined : { traceParent, traceState, attributes: {} },
  });
  return trace.getSpanContext(hostContext(invocation));
}

describe('hostContext: the trace an invocation joins', () => {
  it('joins the host’s traceparent as a remote parent, sampled or not', () => {
    expect(parentOf(`00-${TRACE_ID}-${SPAN_ID}-01`)).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: 1,
      isRemote: true,
    });
    expect(parentOf(`00-${TRACE_ID}-${SPAN_ID}-00`)?.traceFlags).toBe(0);
  });

  it('joins nothing for a traceparent that is malformed, all zeros, or of the forbidden version ff', () => {
    for (const bad of [
      `00-${'0'.repeat(32)}-${SPAN_ID}-01`,
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
      `ff-${TRACE_ID}-${SPAN_ID}-01`,
      `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`,
      `00-${TRACE_ID}-${SPAN_ID}`,
      'not a traceparent',
      undefined,
    ])
      expect(parentOf(bad), String(bad)).toBeUndefined();
  });

  it('reads a tracestate through the propagator, keeping it on the parent', () => {
    const parent = parentOf(`00-${TRACE_ID}-${SPAN_ID}-01`, 'congo=t61rcWkgMzE');
    expect(parent).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID, isRemote: true });
    expect(parent?.traceState?.get('congo')).toBe('t61rcWkgMzE');
  });
});

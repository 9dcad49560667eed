import { describe, expect, it } from 'vitest';

import { ensureAsyncContext } from '../../../src/shared/context/asyncContext.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { traceUpstreamCall } from '../../../src/shared/telemetry/upstreamCall.js';

// No telemetry in this file, but the context manager the request budget needs is registered: the
// API's no-op spans then travel in the context, with all-zero ids that must not reach log lines.
describe('log lines with telemetry off', () => {
  it('carry no trace ids, even inside an upstream call', async () => {
    ensureAsyncContext();
    const lines: string[] = [];
    const logger = createLogger((_level, line) => lines.push(line), 'debug');
    await traceUpstreamCall({ provider: 'kakao', operation: 'kakao.search' }, async (attempt) => {
      attempt();
      await Promise.resolve();
      logger.warn('upstream slow', { event: 'upstream_slow' });
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', msg: 'upstream slow', event: 'upstream_slow' });
    expect(line).not.toHaveProperty('trace_id');
    expect(line).not.toHaveProperty('span_id');
  });
});

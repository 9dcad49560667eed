import { getEventListeners } from 'node:events';

import { afterEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';

/**
 * One caller's signal shared by many upstream calls (a generation job, an MCP batch, the requests
 * of one second sharing an HTTP budget signal): each call listens to it while it runs, and only then.
 */
describe('ProviderPolicy and the caller signal', () => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on('warning', onWarning);
  afterEach(() => {
    warnings.length = 0;
  });

  const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

  it('removes its abort listeners when calls end: none accumulate over 600 calls', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'kakao', budgetMs: 2_000, maxRetries: 0 });
    const signal = new AbortController().signal;
    let peak = 0;
    for (let round = 0; round < 30; round++) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) =>
          policy
            .execute(async () => {
              await new Promise((resolve) => setImmediate(resolve));
              peak = Math.max(peak, listeners(signal));
              if (i % 5 === 0) throw new AppError('not_found', 'nothing', { transient: false });
              return i;
            }, signal)
            .catch(() => undefined),
        ),
      );
      expect(listeners(signal)).toBe(0);
    }
    // Twenty calls in flight listen at once: a fan-out beyond Node's default of 10 …
    expect(peak).toBe(20);
    // … that is not reported as a leak.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';

const unavailable = () => new AppError('upstream_unavailable', '503');

describe('ProviderPolicy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries transient failures with backoff and succeeds', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'kakao', budgetMs: 2000, random: () => 1 });
    const calls: number[] = [];
    const result = policy.execute(async () => {
      calls.push(Date.now());
      if (calls.length < 3) throw unavailable();
      return 'ok';
    });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toBe('ok');
    expect(calls).toHaveLength(3);
    // full jitter with random()=1: 100 ms then 200 ms
    expect(calls[1]! - calls[0]!).toBe(100);
    expect(calls[2]! - calls[1]!).toBe(200);
  });

  it('does not retry permanent errors', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'kakao', budgetMs: 2000 });
    let calls = 0;
    await expect(
      policy.execute(async () => {
        calls++;
        throw new AppError('upstream_rejected', 'bad key');
      }),
    ).rejects.toMatchObject({ code: 'upstream_rejected' });
    expect(calls).toBe(1);
  });

  it('honours Retry-After when it fits the budget, and gives up when it does not', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'google', budgetMs: 2000 });
    const times: number[] = [];
    const run = policy.execute(async () => {
      times.push(Date.now());
      if (times.length === 1) throw new AppError('upstream_quota_exceeded', '429', { retryAfterSeconds: 1 });
      return 'ok';
    });
    await vi.advanceTimersByTimeAsync(1500);
    await expect(run).resolves.toBe('ok');
    expect(times[1]! - times[0]!).toBe(1000);

    let calls = 0;
    const tooLong = policy.execute(async () => {
      calls++;
      throw new AppError('upstream_quota_exceeded', '429', { retryAfterSeconds: 30 });
    });
    await expect(tooLong).rejects.toMatchObject({ code: 'upstream_quota_exceeded', retryAfterSeconds: 30 });
    expect(calls).toBe(1);
  });

  it('times out the whole call at the budget', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'kakao', budgetMs: 2000 });
    const run = policy.execute(
      (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const assertion = expect(run).rejects.toMatchObject({ code: 'upstream_timeout', status: 504 });
    await vi.advanceTimersByTimeAsync(2001);
    await assertion;
  });

  it('opens after 5 consecutive failures, fails fast, then recovers half-open after 60 s', async () => {
    const policy = new ProviderPolicy({ name: 't', provider: 'kakao', budgetMs: 2000, maxRetries: 0 });
    let calls = 0;
    const fail = async () => {
      calls++;
      throw unavailable();
    };
    for (let i = 0; i < 5; i++)
      await expect(policy.execute(fail)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(policy.state).toBe('open');
    await expect(policy.execute(fail)).rejects.toMatchObject({ code: 'upstream_circuit_open', status: 503 });
    expect(calls).toBe(5);
    await vi.advanceTimersByTimeAsync(60_001);
    await expect(policy.execute(async () => 'back')).resolves.toBe('back');
    expect(policy.state).toBe('closed');
  });
});

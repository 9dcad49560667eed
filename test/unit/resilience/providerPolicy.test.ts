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

  const failing = () => {
    const counter = { calls: 0 };
    const fail = async () => {
      counter.calls++;
      throw unavailable();
    };
    return { counter, fail };
  };

  it('opens after 5 consecutive failures, fails fast, then closes on a half-open trial 1 s later', async () => {
    const policy = new ProviderPolicy({
      name: 't',
      provider: 'kakao',
      budgetMs: 2000,
      maxRetries: 0,
      random: () => 1,
    });
    const { counter, fail } = failing();
    for (let i = 0; i < 5; i++)
      await expect(policy.execute(fail)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(policy.state).toBe('open');
    await expect(policy.execute(fail)).rejects.toMatchObject({
      code: 'upstream_circuit_open',
      status: 503,
      retryAfterSeconds: 1,
    });
    expect(counter.calls).toBe(5);
    await vi.advanceTimersByTimeAsync(999);
    await expect(policy.execute(fail)).rejects.toMatchObject({ code: 'upstream_circuit_open' });
    expect(counter.calls).toBe(5);
    await vi.advanceTimersByTimeAsync(1);
    await expect(policy.execute(async () => 'back')).resolves.toBe('back');
    expect(policy.state).toBe('closed');
  });

  it('backs off between failed trials: 1 s, 2 s, 4 s, then 4 s at most', async () => {
    const policy = new ProviderPolicy({
      name: 't',
      provider: 'google',
      budgetMs: 2000,
      maxRetries: 0,
      random: () => 1,
    });
    const { counter, fail } = failing();
    for (let i = 0; i < 5; i++) await policy.execute(fail).catch(() => undefined);
    const trials: number[] = [];
    const opened = Date.now();
    // A caller every 100 ms; only trial calls reach the upstream while the breaker is open.
    while (trials.length < 5) {
      await vi.advanceTimersByTimeAsync(100);
      const before = counter.calls;
      await policy.execute(fail).catch(() => undefined);
      if (counter.calls > before) trials.push(Date.now() - opened);
    }
    const gaps = trials.map((t, i) => t - (i === 0 ? 0 : trials[i - 1]!));
    expect(gaps).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(policy.state).toBe('open');
  });

  it('jitters each wait to 50–100 % of its step with the injected random', async () => {
    const policy = new ProviderPolicy({
      name: 't',
      provider: 'kakao',
      budgetMs: 2000,
      maxRetries: 0,
      random: () => 0,
    });
    const { fail } = failing();
    for (let i = 0; i < 5; i++) await policy.execute(fail).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(499);
    await expect(policy.execute(async () => 'x')).rejects.toMatchObject({ code: 'upstream_circuit_open' });
    await vi.advanceTimersByTimeAsync(1);
    await expect(policy.execute(async () => 'x')).resolves.toBe('x');
  });

  it('uses an upstream that recovers after a 10 s outage again within 5 s, whatever the jitter', async () => {
    for (const r of [0, 0.5, 1]) {
      const policy = new ProviderPolicy({
        name: 't',
        provider: 'kakao',
        budgetMs: 2000,
        maxRetries: 0,
        random: () => r,
      });
      let down = true;
      const call = async () => {
        if (down) throw unavailable();
        return 'ok';
      };
      const outageEnds = Date.now() + 10_000;
      while (Date.now() < outageEnds) {
        await policy.execute(call).catch(() => undefined);
        await vi.advanceTimersByTimeAsync(100);
      }
      down = false;
      const recovered = Date.now();
      let firstSuccess: number | undefined;
      while (firstSuccess === undefined) {
        if ((await policy.execute(call).catch(() => 'failed')) === 'ok') firstSuccess = Date.now();
        else await vi.advanceTimersByTimeAsync(100);
      }
      expect(firstSuccess - recovered).toBeLessThanOrEqual(4_000);
      expect(policy.state).toBe('closed');
    }
  });

  it('keeps a breaker per operation: one open breaker does not stop another operation', async () => {
    const search = new ProviderPolicy({
      name: 'kakao.search',
      provider: 'kakao',
      budgetMs: 2000,
      maxRetries: 0,
    });
    const geo = new ProviderPolicy({ name: 'kakao.geo', provider: 'kakao', budgetMs: 2000, maxRetries: 0 });
    const { fail } = failing();
    for (let i = 0; i < 5; i++) await search.execute(fail).catch(() => undefined);
    expect(search.state).toBe('open');
    await expect(geo.execute(async () => 'geo')).resolves.toBe('geo');
  });
});

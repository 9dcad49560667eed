import { describe, expect, it } from 'vitest';

import { isAppError } from '../../../src/shared/errors/AppError.js';
import { chargeUpstreamCall, runWithBudget } from '../../../src/shared/limits/requestBudget.js';
import { UpstreamBudget } from '../../../src/shared/limits/UpstreamBudget.js';
import { MemoryUserCallLimiter } from '../../../src/shared/limits/UserCallLimiter.js';

const LIMITS = {
  callsPerRequest: 3,
  callsPerUserMinute: 4,
  matrixElementsPerCall: 100,
  matrixElementsPerRequest: 150,
};

async function refusal(fn: () => Promise<unknown> | unknown) {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  return undefined;
}

describe('UpstreamBudget', () => {
  it('refuses the call past the per-request budget with a non-transient 429', async () => {
    const budget = new UpstreamBudget(LIMITS, new MemoryUserCallLimiter());
    for (let i = 0; i < 3; i++) await budget.chargeCall();
    const error = await refusal(() => budget.chargeCall());
    expect(error).toMatchObject({ code: 'upstream_budget_exceeded', status: 429, transient: false });
    expect(error!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(budget.calls).toBe(3);
    expect(budget.refused).toBe(error);
  });

  it("counts an attributed user's calls across requests, with Retry-After until the window ends", async () => {
    let now = 0;
    const limiter = new MemoryUserCallLimiter(60_000, () => now);
    const first = new UpstreamBudget(LIMITS, limiter, 'u');
    for (let i = 0; i < 3; i++) await first.chargeCall();
    const second = new UpstreamBudget(LIMITS, limiter);
    second.attribute('u');
    await second.chargeCall();
    now = 15_000;
    const error = await refusal(() => second.chargeCall());
    expect(error?.retryAfterSeconds).toBe(45);
    // Another user, and the same user in the next window, are not affected.
    await new UpstreamBudget(LIMITS, limiter, 'v').chargeCall();
    now = 60_001;
    await new UpstreamBudget(LIMITS, limiter, 'u').chargeCall();
  });

  it('limits matrix elements per call and summed per request', () => {
    const budget = new UpstreamBudget(LIMITS, new MemoryUserCallLimiter());
    const detail = (elements: number) => {
      try {
        budget.chargeMatrix(elements);
      } catch (error) {
        return isAppError(error) ? error.detail : String(error);
      }
      return undefined;
    };
    expect(detail(101)).toMatch(/at most 100 elements/);
    expect(detail(100)).toBeUndefined();
    expect(detail(50)).toBeUndefined();
    expect(detail(1)).toMatch(/at most 150 matrix elements/);
  });

  it('charges the budget of the request in scope, and nothing outside one', async () => {
    await chargeUpstreamCall();
    const budget = new UpstreamBudget(LIMITS, new MemoryUserCallLimiter());
    await runWithBudget(budget, async () => {
      await Promise.all([chargeUpstreamCall(), chargeUpstreamCall()]);
    });
    expect(budget.calls).toBe(2);
  });
});

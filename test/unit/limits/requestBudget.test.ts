import { context, createContextKey } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';

import { currentBudget, runWithBudget } from '../../../src/shared/limits/requestBudget.js';
import { UpstreamBudget } from '../../../src/shared/limits/UpstreamBudget.js';
import { MemoryUserCallLimiter } from '../../../src/shared/limits/UserCallLimiter.js';

const LIMITS = {
  callsPerRequest: 3,
  callsPerUserMinute: 100,
  matrixElementsPerCall: 100,
  matrixElementsPerRequest: 150,
};
const budget = () => new UpstreamBudget(LIMITS, new MemoryUserCallLimiter());
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

// No telemetry in this file: the budget must ride on a context manager registered for it.
describe('the request budget with telemetry off', () => {
  it('follows each request through awaits and timers, never into another request or outside', async () => {
    const a = budget();
    const b = budget();
    const seen = await Promise.all(
      [a, b].map((mine) =>
        runWithBudget(mine, async () => {
          await tick();
          const afterTimer = currentBudget();
          await Promise.resolve();
          return [afterTimer, currentBudget()];
        }),
      ),
    );
    expect(seen).toEqual([
      [a, a],
      [b, b],
    ]);
    expect(currentBudget()).toBeUndefined();
  });

  it('shares the OpenTelemetry context: values set around it are still there inside', async () => {
    const key = createContextKey('test.outer');
    const mine = budget();
    const inside = await context.with(context.active().setValue(key, 'outer'), () =>
      runWithBudget(mine, async () => {
        await tick();
        return [context.active().getValue(key), currentBudget()];
      }),
    );
    expect(inside).toEqual(['outer', mine]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { METRIC } from '../../../src/shared/telemetry/telemetryNames.js';
import { PopularWarmer } from '../../../src/shared/warmers/PopularWarmer.js';
import { LocalRunLock } from '../../../src/shared/warmers/RunLock.js';
import { sandboxPlaceServices } from '../places/sandboxPlaceServices.js';
import { type InMemoryTelemetry, startInMemoryTelemetry } from './inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

describe('warmer telemetry', () => {
  it('records the upstream calls a run spent, with its budget, and one refresh per warmed entry', async () => {
    const sandbox = await startSandbox();
    const services = await sandboxPlaceServices(sandbox);
    try {
      const config = { ...services.config.warmers, upstreamBudget: 5 };
      const warmer = new PopularWarmer({
        places: services.places,
        lock: new LocalRunLock(),
        config,
        logger: createLogger(() => {}, 'error'),
        callsPerSecond: 1_000,
      });
      const report = await warmer.run();
      expect(report.upstreamCalls).toBeGreaterThan(0);
      expect(report.upstreamCalls).toBeLessThanOrEqual(5);

      const budget = await telemetry.points(METRIC.warmerBudgetUsed);
      expect(budget).toHaveLength(1);
      expect(budget[0]).toMatchObject({ attributes: { budget: 5 } });
      expect((budget[0]!.value as { sum: number }).sum).toBe(report.upstreamCalls);
      const refreshes = await telemetry.points(METRIC.warmerRefreshes);
      expect(refreshes.reduce((n, p) => n + (p.value as number), 0)).toBe(report.refreshed);
    } finally {
      await services.close();
      await sandbox.close();
    }
  });
});

import path from 'node:path';

import type { Timer } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { ManualTimerScheduler } from '../../../src/local/host/timer/ManualTimerScheduler.js';
import { callsOf } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/timerFunctions.ts');

async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('local host: timer triggers', () => {
  const start = new Date('2025-03-10T08:58:30Z');
  const scheduler = new ManualTimerScheduler(start);
  const logger = memoryHostLogger();
  let host: LocalHost;

  beforeAll(async () => {
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      hostJson: {},
      env: { WARM_CACHE_SCHEDULE: '0 */5 * * * *' },
      logger,
      scheduler,
      now: scheduler.now,
      serviceBus: () => undefined,
    });
    await host.start();
  });

  afterAll(async () => {
    await host.stop();
  });

  it('runs a runOnStartup timer once at start with the timer payload', async () => {
    await until(() => callsOf('startupTimer').length === 1);
    const [call] = callsOf('startupTimer') as { timer: Timer; functionName: string }[];
    expect(call).toEqual({
      functionName: 'startupTimer',
      timer: {
        isPastDue: false,
        schedule: { adjustForDST: true },
        scheduleStatus: {
          last: '2025-01-01T00:00:00.000Z',
          next: '2026-01-01T00:00:00.000Z',
          lastUpdated: start.toISOString(),
        },
      },
    });
    expect(callsOf('warmCache')).toEqual([]);
  });

  it('fires on the NCRONTAB schedule (resolved from %WARM_CACHE_SCHEDULE%) as the clock moves', async () => {
    expect(await scheduler.advanceTo(new Date('2025-03-10T09:04:59Z'))).toBe(1);
    expect(callsOf('warmCache')).toHaveLength(1);
    expect(callsOf('warmCache')[0]).toMatchObject({
      isPastDue: false,
      scheduleStatus: { last: '2025-03-10T08:55:00.000Z', next: '2025-03-10T09:05:00.000Z' },
    });

    expect(await scheduler.advanceTo(new Date('2025-03-10T09:10:00Z'))).toBe(2);
    expect(callsOf('warmCache')).toHaveLength(3);
    expect((callsOf('warmCache')[2] as Timer).scheduleStatus.last).toBe('2025-03-10T09:05:00.000Z');
  });

  it('fires a timer on demand with fireTimer(name)', async () => {
    const before = callsOf('warmCache').length;
    const outcome = await host.fireTimer('warmCache');
    expect(outcome.ok).toBe(true);
    expect(callsOf('warmCache')).toHaveLength(before + 1);
    await expect(host.fireTimer('nope')).rejects.toThrow(/No timer-triggered function named "nope"/);
  });

  it('lists schedules and next occurrences', () => {
    expect(host.functions().find((f) => f.name === 'warmCache')).toMatchObject({
      triggerType: 'timerTrigger',
      schedule: '0 */5 * * * *',
      nextRun: '2025-03-10T09:15:00.000Z',
      runOnStartup: false,
    });
  });
});

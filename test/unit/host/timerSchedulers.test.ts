import { describe, expect, it, vi } from 'vitest';

import { cronerScheduler, toCronerSchedule } from '../../../src/local/host/timer/cronerScheduler.js';
import { ManualTimerScheduler } from '../../../src/local/host/timer/ManualTimerScheduler.js';

describe('NCRONTAB schedules on croner', () => {
  it('requires six fields, seconds first', () => {
    expect(() => toCronerSchedule('*/5 * * * *', 'UTC')).toThrow(/six-field NCRONTAB/);
    const manual = new ManualTimerScheduler(new Date('2025-03-10T09:00:00Z'));
    const timer = manual.schedule('30 15 9 * * *', async () => undefined);
    expect(timer.nextRun()).toEqual(new Date('2025-03-10T09:15:30Z'));
  });

  it('requires day-of-month AND day-of-week to match, as NCrontab does', () => {
    const manual = new ManualTimerScheduler(new Date('2025-01-01T00:00:00Z'));
    // Friday the 13th: the next one after 2025-01-01 is in June (Vixie cron would say 2025-01-03).
    expect(manual.schedule('0 0 0 13 * 5', async () => undefined).nextRun()).toEqual(
      new Date('2025-06-13T00:00:00Z'),
    );
  });

  it('treats a TimeSpan schedule as an interval', () => {
    const manual = new ManualTimerScheduler(new Date('2025-01-01T00:00:00Z'));
    const timer = manual.schedule('00:00:10', async () => undefined);
    expect(timer.nextRun()).toEqual(new Date('2025-01-01T00:00:10Z'));
  });

  it('fires due occurrences in order on the manual clock, waiting for each', async () => {
    const manual = new ManualTimerScheduler(new Date('2025-01-01T00:00:00Z'));
    const fired: string[] = [];
    manual.schedule('0 */10 * * * *', async (at) => void fired.push(`ten ${at.toISOString()}`));
    manual.schedule('0 */15 * * * *', async (at) => void fired.push(`fifteen ${at.toISOString()}`));
    expect(await manual.advanceTo(new Date('2025-01-01T00:30:00Z'))).toBe(5);
    expect(fired).toEqual([
      'ten 2025-01-01T00:10:00.000Z',
      'fifteen 2025-01-01T00:15:00.000Z',
      'ten 2025-01-01T00:20:00.000Z',
      'ten 2025-01-01T00:30:00.000Z',
      'fifteen 2025-01-01T00:30:00.000Z',
    ]);
  });

  it('fires with croner on the clock it is given, on whole seconds', async () => {
    // Croner reads the clock through Date and waits with setTimeout: both faked, so no real waiting.
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00.400Z') });
    try {
      const scheduler = cronerScheduler();
      const ticks: Date[] = [];
      const timer = scheduler.schedule('* * * * * *', async (at) => void ticks.push(at));
      await vi.advanceTimersByTimeAsync(2_700);
      timer.stop();
      expect(ticks.map((t) => t.toISOString())).toEqual([
        '2025-01-01T00:00:01.000Z',
        '2025-01-01T00:00:02.000Z',
        '2025-01-01T00:00:03.000Z',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

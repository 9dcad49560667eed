import { Cron, type CronOptions } from 'croner';

import { parseTimeSpan } from '../parseTimeSpan.js';
import type { ScheduledTimer, TimerScheduler } from './TimerScheduler.js';

const TIME_SPAN = /^(?:\d+\.)?\d{1,2}:\d{2}:\d{2}$/;

/**
 * Croner options for an Azure Functions timer expression. NCRONTAB has six fields with seconds
 * first, and NCrontab requires BOTH day-of-month and day-of-week to match (Vixie cron ORs them), so
 * `domAndDow` is on. A TimeSpan (`00:05:00`, App Service plans) becomes "every second, at most once
 * per interval".
 */
export function toCronerSchedule(
  expression: string,
  timezone: string,
): { pattern: string; options: CronOptions } {
  const trimmed = expression.trim();
  const base: CronOptions = { timezone, domAndDow: true };
  if (TIME_SPAN.test(trimmed)) {
    const seconds = Math.max(1, Math.round(parseTimeSpan(trimmed, 'schedule') / 1000));
    return { pattern: '* * * * * *', options: { ...base, interval: seconds } };
  }
  if (trimmed.split(/\s+/).length !== 6) {
    throw new Error(
      `"${expression}" is not a six-field NCRONTAB expression ({second} {minute} {hour} {day} {month} {day-of-week})`,
    );
  }
  return { pattern: trimmed, options: { ...base, mode: '6-part' } };
}

/**
 * Real-clock scheduler on croner. Times are UTC unless `WEBSITE_TIME_ZONE` names an IANA zone, as on
 * Linux plans.
 */
export function cronerScheduler(options: Readonly<{ timezone?: string }> = {}): TimerScheduler {
  const timezone = options.timezone ?? 'UTC';
  return {
    schedule(expression, onTick): ScheduledTimer {
      const { pattern, options: cronOptions } = toCronerSchedule(expression, timezone);
      const job = new Cron(
        pattern,
        cronOptions,
        (self: Cron) => void onTick(self.currentRun() ?? new Date()),
      );
      return {
        nextRun: (after) => job.nextRun(after ?? null),
        previousRun: (before) => job.previousRuns(1, before)[0] ?? null,
        stop: () => job.stop(),
      };
    },
  };
}

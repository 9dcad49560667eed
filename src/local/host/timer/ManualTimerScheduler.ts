import { Cron } from 'croner';

import { toCronerSchedule } from './cronerScheduler.js';
import type { ScheduledTimer, TimerScheduler } from './TimerScheduler.js';

interface Entry {
  readonly cron: Cron;
  readonly onTick: (scheduledAt: Date) => Promise<unknown>;
  /** Occurrences after this instant are still due; per entry, so two schedules due together both fire. */
  cursor: Date;
  stopped: boolean;
}

/**
 * A scheduler on a hand-moved clock: the same NCRONTAB parsing as the real one, but occurrences fire
 * only when a test calls `advanceTo`. Pass `now` to the host too so payload times agree.
 */
export class ManualTimerScheduler implements TimerScheduler {
  readonly #entries: Entry[] = [];
  readonly #timezone: string;
  #now: Date;

  constructor(start: Date, options: Readonly<{ timezone?: string }> = {}) {
    this.#now = start;
    this.#timezone = options.timezone ?? 'UTC';
  }

  readonly now = (): Date => this.#now;

  schedule(expression: string, onTick: (scheduledAt: Date) => Promise<unknown>): ScheduledTimer {
    const { pattern, options } = toCronerSchedule(expression, this.#timezone);
    const entry: Entry = {
      cron: new Cron(pattern, { ...options, paused: true }),
      onTick,
      cursor: this.#now,
      stopped: false,
    };
    this.#entries.push(entry);
    return {
      nextRun: (after) => entry.cron.nextRun(after ?? this.#now),
      previousRun: (before) => entry.cron.previousRuns(1, before ?? this.#now)[0] ?? null,
      stop: () => {
        entry.stopped = true;
      },
    };
  }

  /**
   * Move the clock to `target`, firing every occurrence passed on the way in time order, each after
   * the previous invocation finished (as if the time between them passed). Resolves with how many fired.
   */
  async advanceTo(target: Date): Promise<number> {
    let fired = 0;
    for (;;) {
      let earliest: { entry: Entry; at: Date } | undefined;
      for (const entry of this.#entries) {
        if (entry.stopped) continue;
        const at = entry.cron.nextRun(entry.cursor);
        if (at && at <= target && (!earliest || at < earliest.at)) earliest = { entry, at };
      }
      if (!earliest) break;
      this.#now = earliest.at;
      earliest.entry.cursor = earliest.at;
      await earliest.entry.onTick(earliest.at);
      fired++;
    }
    this.#now = target;
    for (const entry of this.#entries) entry.cursor = target;
    return fired;
  }
}

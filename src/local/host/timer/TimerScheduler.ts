/** A schedule that has been armed; stop it to cancel future occurrences. */
export interface ScheduledTimer {
  /** The next occurrence after `after` (default: now), or null when there is none. */
  nextRun(after?: Date): Date | null;
  /** The most recent occurrence before `before` (default: now), or null. */
  previousRun(before?: Date): Date | null;
  stop(): void;
}

/**
 * Turns an NCRONTAB expression into calls of `onTick`. The host takes this as a dependency so tests
 * can fire schedules without waiting for the clock (see `ManualTimerScheduler`).
 */
export interface TimerScheduler {
  /**
   * Validate `expression` (throws when invalid) and call `onTick` at each occurrence. `onTick`
   * returns the invocation's promise, so a scheduler may wait for it (the manual one does).
   */
  schedule(expression: string, onTick: (scheduledAt: Date) => Promise<unknown>): ScheduledTimer;
}

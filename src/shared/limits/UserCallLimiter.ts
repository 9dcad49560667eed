/** What one charge against a user's per-minute allowance found. */
export interface WindowCount {
  /** Calls counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes and the count starts again. */
  resetInMs: number;
}

/**
 * Counts a user's upstream calls in fixed one-minute windows. Shared by every instance when backed by
 * Redis (`RedisUserCallLimiter`), per process otherwise (`MemoryUserCallLimiter`).
 */
export interface UserCallLimiter {
  /** Count `calls` more for `userId` and say where the window stands. */
  add(userId: string, calls: number): Promise<WindowCount>;
}

/**
 * The in-process window, used without Redis (and while Redis refuses). Entries are dropped when their
 * window ends, so the map holds only users active in the last minute.
 */
export class MemoryUserCallLimiter implements UserCallLimiter {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(windowMs = 60_000, now: () => number = Date.now) {
    this.#windowMs = windowMs;
    this.#now = now;
  }

  async add(userId: string, calls: number): Promise<WindowCount> {
    const now = this.#now();
    let window = this.#windows.get(userId);
    if (!window || window.endsAt <= now) {
      this.#sweep(now);
      window = { count: 0, endsAt: now + this.#windowMs };
      this.#windows.set(userId, window);
    }
    window.count += calls;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  #sweep(now: number): void {
    for (const [user, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(user);
  }
}

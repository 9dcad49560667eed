/**
 * Counts work in progress so a graceful stop can wait for it. A count and one `then` per piece of
 * work, not a set of promises: every request the local host serves passes through two of these.
 */
export class InFlightTracker {
  #count = 0;
  #waiting: (() => void)[] = [];

  /** Track `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.enter();
    const settled = () => this.leave();
    work.then(settled, settled);
    return work;
  }

  /**
   * One piece of work starts; the caller calls `leave()` exactly once when it ends (in a `finally`).
   * For the hottest callers, which would otherwise pay a promise reaction per request for `track`.
   */
  enter(): void {
    this.#count++;
  }

  leave(): void {
    if (--this.#count === 0) for (const wake of this.#waiting.splice(0)) wake();
  }

  get size(): number {
    return this.#count;
  }

  /** Resolve once nothing is in flight, including work that starts while waiting. */
  async drain(): Promise<void> {
    while (this.#count > 0) await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
}

/** Counts work in progress so a graceful stop can wait for it. */
export class InFlightTracker {
  readonly #pending = new Set<Promise<unknown>>();

  /** Track `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
    return work;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** Resolve once nothing is in flight, including work that starts while waiting. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) {
      await Promise.all([...this.#pending]);
    }
  }
}

/**
 * A per-run allowance of upstream calls, paced so a run stays under the providers' quotas
 * (Kakao Local 100,000/day, Mobility 10,000/day: a warmer run every 20 min with 200 calls uses
 * 14,400/day at most). `take()` waits for the pace and says false when the budget is spent.
 */
export class UpstreamBudget {
  readonly #limit: number;
  readonly #minIntervalMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  #spent = 0;
  #last = 0;

  constructor(
    limit: number,
    callsPerSecond = 10,
    sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {
    this.#limit = limit;
    this.#minIntervalMs = 1000 / callsPerSecond;
    this.#sleep = sleep;
  }

  get spent(): number {
    return this.#spent;
  }

  get remaining(): number {
    return this.#limit - this.#spent;
  }

  async take(): Promise<boolean> {
    if (this.#spent >= this.#limit) return false;
    const wait = this.#last + this.#minIntervalMs - Date.now();
    if (wait > 0) await this.#sleep(wait);
    this.#last = Date.now();
    this.#spent++;
    return true;
  }
}

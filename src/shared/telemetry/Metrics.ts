/**
 * In-process counters and latency samples. Snapshots go to the structured log (which the Functions
 * host ships to Application Insights) and to the health endpoint; benchmarks read them directly.
 */
export class Metrics {
  readonly #counters = new Map<string, number>();
  readonly #samples = new Map<string, number[]>();
  readonly #maxSamples: number;

  constructor(maxSamples = 2048) {
    this.#maxSamples = maxSamples;
  }

  increment(name: string, by = 1): void {
    this.#counters.set(name, (this.#counters.get(name) ?? 0) + by);
  }

  count(name: string): number {
    return this.#counters.get(name) ?? 0;
  }

  /** Record a duration; keeps a bounded reservoir (newest wins) per name. */
  observe(name: string, ms: number): void {
    let list = this.#samples.get(name);
    if (!list) this.#samples.set(name, (list = []));
    if (list.length >= this.#maxSamples) list.shift();
    list.push(ms);
  }

  percentile(name: string, p: number): number | undefined {
    const list = this.#samples.get(name);
    if (!list || list.length === 0) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }

  snapshot(): {
    counters: Record<string, number>;
    latencyMs: Record<string, { p50?: number; p99?: number; n: number }>;
  } {
    const latencyMs: Record<string, { p50?: number; p99?: number; n: number }> = {};
    for (const [name, list] of this.#samples) {
      latencyMs[name] = { p50: this.percentile(name, 50), p99: this.percentile(name, 99), n: list.length };
    }
    return { counters: Object.fromEntries(this.#counters), latencyMs };
  }

  reset(): void {
    this.#counters.clear();
    this.#samples.clear();
  }
}

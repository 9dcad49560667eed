import { statsPathOf } from './Upstream.js';

/** Counts upstream API requests (control requests under `/__sandbox/` are not counted). */
export class SandboxStats {
  #total = 0;
  #byPath = new Map<string, number>();

  record(path: string): void {
    this.#total += 1;
    const key = statsPathOf(path);
    this.#byPath.set(key, (this.#byPath.get(key) ?? 0) + 1);
  }

  /** Every upstream request received, including rejected and faulted ones: what "upstream calls" means. */
  requests(): number {
    return this.#total;
  }

  byPath(): Record<string, number> {
    return Object.fromEntries(this.#byPath);
  }

  reset(): void {
    this.#total = 0;
    this.#byPath.clear();
  }
}

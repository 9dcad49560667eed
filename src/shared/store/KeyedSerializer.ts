/**
 * Runs tasks one at a time per key, in arrival order, within this process. Hand-written (a dozen lines)
 * because the libraries that offer it (async-mutex, p-limit) serialize globally or per instance, not per
 * key, and keeping one of those per key would need this same bookkeeping around it.
 */
export class KeyedSerializer {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      // The last task of a key removes it, so the map holds only keys with work in flight.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

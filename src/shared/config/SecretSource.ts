/**
 * Where secrets come from besides the environment. The real one is Key Vault; tests pass an in-memory one.
 * `undefined` means "no such secret here": the environment value (if any) is used instead.
 */
export interface SecretSource {
  getSecret(name: string, signal?: AbortSignal): Promise<string | undefined>;
  /** Cheap reachability probe for the health endpoint. */
  ping?(signal?: AbortSignal): Promise<void>;
}

/** In-memory secrets (tests, and a deliberate "no Key Vault" source). */
export class InMemorySecretSource implements SecretSource {
  readonly #values: Map<string, string>;
  reads = 0;

  constructor(values: Readonly<Record<string, string>> = {}) {
    this.#values = new Map(Object.entries(values));
  }

  set(name: string, value: string): void {
    this.#values.set(name, value);
  }

  async getSecret(name: string): Promise<string | undefined> {
    this.reads++;
    return this.#values.get(name);
  }

  async ping(): Promise<void> {}
}

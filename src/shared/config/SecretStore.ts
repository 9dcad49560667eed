import type { SecretName } from './AppConfig.js';
import type { SecretSource } from './SecretSource.js';
import { SETTINGS_BY_NAME } from './settings.js';

/**
 * Current secret values. Loaded at cold start; when Key Vault is configured, re-read on an interval so
 * rotated keys are picked up without a restart. Values never leave through `toJSON`/`inspect`.
 */
export class SecretStore {
  readonly #values: Map<SecretName, string>;
  readonly #source?: SecretSource;
  #timer?: NodeJS.Timeout;
  lastRefreshError?: string;

  constructor(initial: ReadonlyMap<SecretName, string>, source?: SecretSource) {
    this.#values = new Map(initial);
    this.#source = source;
  }

  get(name: SecretName): string | undefined {
    return this.#values.get(name);
  }

  has(name: SecretName): boolean {
    return this.#values.has(name);
  }

  /** Re-read every Key Vault-backed secret; a failure keeps the previous values. */
  async refresh(signal?: AbortSignal): Promise<void> {
    if (!this.#source) return;
    const names = [...SETTINGS_BY_NAME.values()].filter((s) => s.secret && s.keyVaultName);
    try {
      const read = await Promise.all(
        names.map(
          async (s) =>
            [s.name as SecretName, await this.#source!.getSecret(s.keyVaultName!, signal)] as const,
        ),
      );
      for (const [name, value] of read) if (value) this.#values.set(name, value);
      this.lastRefreshError = undefined;
    } catch (error) {
      this.lastRefreshError = error instanceof Error ? error.name : 'unknown error';
    }
  }

  /** Refresh every `seconds` in the background (unref'd: never keeps the process alive). */
  startAutoRefresh(seconds: number): void {
    if (!this.#source || this.#timer) return;
    this.#timer = setInterval(() => void this.refresh(), seconds * 1000);
    this.#timer.unref();
  }

  stopAutoRefresh(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.#values.keys()].map((k) => [k, '[hidden]']));
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretStore(${[...this.#values.keys()].join(', ')})`;
  }
}

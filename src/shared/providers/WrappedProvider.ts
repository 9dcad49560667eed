import type { ProviderPolicy } from '../resilience/ProviderPolicy.js';

/** What a capability implementation is built from: the raw client and the policy every call goes through. */
export interface WrappedClientOptions<C> {
  client: C;
  policy: ProviderPolicy;
  /** Whether the provider's key is configured (asked per call: keys rotate). */
  enabled: () => boolean;
}

/**
 * The base of every Kakao/Google capability implementation: its client is reachable only through
 * `call`, which runs inside the provider operation's resilience policy with the caller's signal.
 */
export abstract class WrappedProvider<C> {
  readonly #options: WrappedClientOptions<C>;

  constructor(options: Readonly<WrappedClientOptions<C>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  /** One client call behind the policy (bulkhead, timeout, retry, breaker); `signal` is the caller's. */
  protected async call<T>(
    fn: (client: C, signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const { client, policy } = this.#options;
    return policy.execute((inner) => fn(client, inner), signal);
  }
}

import type { ProviderPolicy } from '../resilience/ProviderPolicy.js';

/** What a capability implementation is built from: the raw client and the policy every call goes through. */
export interface WrappedClientOptions<C> {
  client: C;
  policy: ProviderPolicy;
  /** Whether the provider's key is configured (asked per call: keys rotate). */
  enabled: () => boolean;
}

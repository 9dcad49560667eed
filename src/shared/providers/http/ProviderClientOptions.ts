import type { Dispatcher } from 'undici';

/**
 * What every provider client is built from. The key is a function because keys rotate (Key Vault
 * refresh): the client asks for it on every call and never stores, logs or echoes it.
 */
export interface ProviderClientOptions {
  /** e.g. `https://dapi.kakao.com`, or the sandbox's URL. A path prefix is kept. */
  baseUrl: string;
  apiKey: () => string | undefined;
  /** Keep-alive pool for this upstream host; defaults to the process-wide one for `baseUrl`'s origin. */
  dispatcher?: Dispatcher;
  /** Budget for one HTTP call (connect + headers + body), default {@link DEFAULT_PROVIDER_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** Per-call options every client method takes last. */
export interface ProviderCallOptions {
  /** The invocation's signal: aborting it cancels the HTTP call. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (e.g. the remaining whole-call budget). */
  timeoutMs?: number;
}

/** docs/architecture.md#resilience gives place calls a 2 s whole-call budget; one attempt gets at most that much. */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 2_000;

import { setMaxListeners } from 'node:events';

/** How long an HTTP invocation may take before its upstream calls are abandoned (the platform allows 230 s). */
export const HTTP_BUDGET_MS = 225_000;

/** Invocations starting within this window share one budget signal; each gets 225–226 s. */
const BUCKET_MS = 1_000;

let current: { signal: AbortSignal; until: number } | undefined;

/**
 * The signal that aborts when an HTTP invocation's budget runs out. Invocations that start within
 * the same second share one: an `AbortSignal.timeout` per request (a timer, a weak reference and a
 * finalizer each, held for 225 s) cost more than the rest of a cached answer. Consumers only listen
 * to it (nobody can abort it early), so sharing it cannot cut another request short.
 */
export function httpBudgetSignal(): AbortSignal {
  const now = performance.now();
  if (!current || now >= current.until) {
    const signal = AbortSignal.timeout(HTTP_BUDGET_MS + BUCKET_MS);
    // Every request of the second may listen to it (fetch, cockatiel), and stop when it ends.
    setMaxListeners(0, signal);
    current = { signal, until: now + BUCKET_MS };
  }
  return current.signal;
}

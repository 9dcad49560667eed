import { countLookup } from './cacheRatioWindows.js';
import { instruments } from './instruments.js';

/** Where a lookup was answered: `l1` (in-process), `l2` (Redis), or `upstream` (a miss or a stale copy). */
export type CacheTier = 'l1' | 'l2' | 'upstream';
export type CacheLookupOutcome = 'hit' | 'miss' | 'stale';

/**
 * `service` and `cache_type` of a key shaped `{service}:{domain}:{id}:{version}` (see cacheKeys.ts),
 * e.g. `location` and `search`. Never the id: it can hold a query hash or a user's trip id.
 */
export function cacheDimensions(key: string): { service: string; cache_type: string } {
  const [service = 'unknown', domain = 'unknown'] = key.split(':', 2);
  return { service, cache_type: domain };
}

/**
 * Count one cache lookup by service and cache type, also in the one-minute window `cache_hit_ratio`
 * is read from at collection (so the gauge shows recent behaviour, not the process lifetime).
 */
export function recordCacheLookup(
  key: string,
  outcome: CacheLookupOutcome,
  tier: CacheTier,
  now = Date.now(),
): void {
  const dims = cacheDimensions(key);
  const i = instruments();
  if (outcome === 'hit') i.cacheHits.add(1, { ...dims, tier });
  else if (outcome === 'miss') i.cacheMisses.add(1, dims);
  else i.cacheStale.add(1, dims);

  countLookup(dims, outcome === 'hit', now);
}

/** A warmer (or the verifier) reloaded a cached value ahead of its expiry. */
export function recordCacheRefresh(key: string): void {
  instruments().warmerRefreshes.add(1, cacheDimensions(key));
}

/** One warmer run: the upstream calls it spent, with its budget as a dimension. */
export function recordWarmerBudget(spent: number, budget: number): void {
  instruments().warmerBudgetUsed.record(spent, { budget });
}

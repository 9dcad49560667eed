import { cacheDimensions, type CacheLookupOutcome, type CacheTier } from './cacheLookupTallies.js';
import { instruments } from './instruments.js';

export { cacheDimensions, type CacheLookupOutcome, type CacheTier } from './cacheLookupTallies.js';

/**
 * Count one cache lookup by service and cache type (`cache_hits` by tier, `cache_misses`,
 * `cache_stale`), also in the one-minute window `cache_hit_ratio` is read from at collection (so the
 * gauge shows recent behaviour, not the process lifetime).
 */
export function recordCacheLookup(
  key: string,
  outcome: CacheLookupOutcome,
  tier: CacheTier,
  now = Date.now(),
): void {
  instruments().cacheLookups.count(key, outcome, tier, now);
}

/** A warmer (or the verifier) reloaded a cached value ahead of its expiry. */
export function recordCacheRefresh(key: string): void {
  instruments().warmerRefreshes.add(1, cacheDimensions(key));
}

/** One warmer run: the upstream calls it spent, with its budget as a dimension. */
export function recordWarmerBudget(spent: number, budget: number): void {
  instruments().warmerBudgetUsed.record(spent, { budget });
}

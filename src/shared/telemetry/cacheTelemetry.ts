import { instruments } from './instruments.js';

/** Where a lookup was answered: `l1` (in-process), `l2` (Redis), or `upstream` (a miss or a stale copy). */
export type CacheTier = 'l1' | 'l2' | 'upstream';
export type CacheLookupOutcome = 'hit' | 'miss' | 'stale';

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  hits: number;
  lookups: number;
}

const windows = new Map<string, Window>();

/**
 * `service` and `cache_type` of a key shaped `{service}:{domain}:{id}:{version}` (see cacheKeys.ts),
 * e.g. `location` and `search`. Never the id: it can hold a query hash or a user's trip id.
 */
export function cacheDimensions(key: string): { service: string; cache_type: string } {
  const [service = 'unknown', domain = 'unknown'] = key.split(':', 2);
  return { service, cache_type: domain };
}

/**
 * Count one cache lookup and update `cache_hit_ratio` for its service and cache type. The ratio is
 * over the current one-minute window, so a gauge read shows recent behaviour, not the process lifetime.
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

  const id = `${dims.service}\n${dims.cache_type}`;
  let window = windows.get(id);
  if (!window || now - window.startedAt >= WINDOW_MS) {
    window = { startedAt: now, hits: 0, lookups: 0 };
    windows.set(id, window);
  }
  window.lookups++;
  if (outcome === 'hit') window.hits++;
  i.cacheHitRatio.record(window.hits / window.lookups, dims);
}

/** A warmer (or the verifier) reloaded a cached value ahead of its expiry. */
export function recordCacheRefresh(key: string): void {
  instruments().warmerRefreshes.add(1, cacheDimensions(key));
}

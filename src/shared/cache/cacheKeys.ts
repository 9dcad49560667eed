import { createHash } from 'node:crypto';

/** TTLs from docs/architecture.md#cache, in seconds. */
export const CACHE_TTL_SECONDS = {
  placeDetails: 2 * 3600,
  openingHours: 10 * 60,
  search: 30 * 60,
  searchOpenNow: 5 * 60,
  route: 4 * 3600,
  translation: 24 * 3600,
  jobStatus: 3600,
  itinerary: 8 * 3600,
  recommendations: 2 * 3600,
  /** Empty results are cached briefly so a burst of identical misses does not hammer the upstream. */
  negative: 60,
} as const;

/**
 * `{service}:{domain}:{id}:{version}`, e.g. `location:place:kakao%3A26338954:v1`. The id is
 * percent-encoded (`%` and `:` only, so keys stay readable), which keeps distinct ids distinct:
 * `a:b` and `a-b` never share a key.
 */
export function cacheKey(service: string, domain: string, id: string, version = 'v1'): string {
  return `${service}:${domain}:${id.replaceAll('%', '%25').replaceAll(':', '%3A')}:${version}`;
}

/**
 * A stable short hash of a normalized query: keys sorted, undefined dropped, strings trimmed and
 * lower-cased, numbers rounded to 5 decimals (≈1 m) so equivalent searches share one entry.
 */
export function queryHash(query: Readonly<Record<string, unknown>>): string {
  const normalized = Object.keys(query)
    .sort()
    .filter((k) => query[k] !== undefined && query[k] !== '')
    .map((k) => {
      const v = query[k];
      const value =
        typeof v === 'string'
          ? v.trim().toLowerCase().replace(/\s+/g, ' ')
          : typeof v === 'number'
            ? Number(v.toFixed(5))
            : v;
      return [k, value];
    });
  return createHash('sha256').update(JSON.stringify(normalized)).digest('base64url').slice(0, 22);
}

import type { Attributes } from '@opentelemetry/api';

const WINDOW_MS = 60_000;

/** Where a lookup was answered: `l1` (in-process), `l2` (Redis), or `upstream` (a miss or a stale copy). */
export type CacheTier = 'l1' | 'l2' | 'upstream';
export type CacheLookupOutcome = 'hit' | 'miss' | 'stale';

/** The metric attributes of one service and cache type, built once and reused for every report. */
interface Tally {
  readonly dims: Attributes;
  readonly l1Dims: Attributes;
  readonly l2Dims: Attributes;
  l1Hits: number;
  l2Hits: number;
  misses: number;
  stale: number;
  /** The current one-minute window of `cache_hit_ratio`. */
  windowStart: number;
  windowHits: number;
  windowLookups: number;
}

/** One reading of a metric: the value and the attributes it is reported with. */
export interface TallyReading {
  value: number;
  attributes: Attributes;
}

/**
 * `service` and `cache_type` of a key shaped `{service}:{domain}:{id}:{version}` (see cacheKeys.ts),
 * e.g. `location` and `search`. Never the id: it can hold a query hash or a user's trip id.
 */
export function cacheDimensions(key: string): { service: string; cache_type: string } {
  const [service = 'unknown', domain = 'unknown'] = key.split(':', 2);
  return { service, cache_type: domain };
}

/**
 * Cache lookups counted in plain numbers per service and cache type, read by the metric callbacks
 * when metrics are collected. A lookup is on every request's path: counting it this way costs a map
 * read and an increment, where an OpenTelemetry counter would hash its attributes on every `add`.
 */
export class CacheLookupTallies {
  readonly #byPrefix = new Map<string, Tally>();

  /** Count one lookup; `now` places it in the one-minute window of `cache_hit_ratio`. */
  count(key: string, outcome: CacheLookupOutcome, tier: CacheTier, now: number): void {
    const tally = this.#tally(key);
    if (outcome === 'hit') {
      if (tier === 'l2') tally.l2Hits++;
      else tally.l1Hits++;
      if (now - tally.windowStart >= WINDOW_MS) this.#restart(tally, now);
      tally.windowHits++;
    } else {
      if (outcome === 'miss') tally.misses++;
      else tally.stale++;
      if (now - tally.windowStart >= WINDOW_MS) this.#restart(tally, now);
    }
    tally.windowLookups++;
  }

  /** Hits by tier (`cache_hits`), lifetime totals. */
  hits(): TallyReading[] {
    const out: TallyReading[] = [];
    for (const t of this.#byPrefix.values()) {
      if (t.l1Hits > 0) out.push({ value: t.l1Hits, attributes: t.l1Dims });
      if (t.l2Hits > 0) out.push({ value: t.l2Hits, attributes: t.l2Dims });
    }
    return out;
  }

  /** Misses (`cache_misses`) or stale answers (`cache_stale`), lifetime totals. */
  totals(kind: 'misses' | 'stale'): TallyReading[] {
    const out: TallyReading[] = [];
    for (const t of this.#byPrefix.values())
      if (t[kind] > 0) out.push({ value: t[kind], attributes: t.dims });
    return out;
  }

  /** Hit ratio over the current window (or the one just ended), per service and cache type. */
  ratios(now: number): TallyReading[] {
    const out: TallyReading[] = [];
    for (const t of this.#byPrefix.values())
      if (now - t.windowStart < 2 * WINDOW_MS && t.windowLookups > 0)
        out.push({ value: t.windowHits / t.windowLookups, attributes: t.dims });
    return out;
  }

  #tally(key: string): Tally {
    // `{service}:{domain}`: one entry per service and cache type, whatever the ids.
    const second = key.indexOf(':', key.indexOf(':') + 1);
    const prefix = second < 0 ? key : key.slice(0, second);
    let tally = this.#byPrefix.get(prefix);
    if (!tally) {
      const dims = cacheDimensions(key);
      tally = {
        dims,
        l1Dims: { ...dims, tier: 'l1' },
        l2Dims: { ...dims, tier: 'l2' },
        l1Hits: 0,
        l2Hits: 0,
        misses: 0,
        stale: 0,
        windowStart: -Infinity,
        windowHits: 0,
        windowLookups: 0,
      };
      this.#byPrefix.set(prefix, tally);
    }
    return tally;
  }

  #restart(tally: Tally, now: number): void {
    tally.windowStart = now;
    tally.windowHits = 0;
    tally.windowLookups = 0;
  }
}

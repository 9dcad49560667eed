import { describe, expect, it } from 'vitest';

import { CacheLookupTallies } from '../../../src/shared/telemetry/cacheLookupTallies.js';

describe('cache lookup tallies (read by the cache metrics at collection)', () => {
  it('counts hits by tier, misses and stale answers per service and cache type, never per id', () => {
    const tallies = new CacheLookupTallies();
    tallies.count('location:search:q-1:v1', 'hit', 'l1', 0);
    tallies.count('location:search:q-2:v1', 'hit', 'l1', 0);
    tallies.count('location:search:q-3:v1', 'hit', 'l2', 0);
    tallies.count('location:search:q-4:v1', 'miss', 'upstream', 0);
    tallies.count('location:details:p-1:v1', 'stale', 'upstream', 0);
    expect(tallies.hits()).toEqual([
      { value: 2, attributes: { service: 'location', cache_type: 'search', tier: 'l1' } },
      { value: 1, attributes: { service: 'location', cache_type: 'search', tier: 'l2' } },
    ]);
    expect(tallies.totals('misses')).toEqual([
      { value: 1, attributes: { service: 'location', cache_type: 'search' } },
    ]);
    expect(tallies.totals('stale')).toEqual([
      { value: 1, attributes: { service: 'location', cache_type: 'details' } },
    ]);
  });

  it('reports the hit ratio of the current minute, and of the one just ended, then nothing', () => {
    const tallies = new CacheLookupTallies();
    tallies.count('location:search:a:v1', 'hit', 'l1', 1_000);
    tallies.count('location:search:b:v1', 'miss', 'upstream', 2_000);
    expect(tallies.ratios(30_000)).toEqual([
      { value: 0.5, attributes: { service: 'location', cache_type: 'search' } },
    ]);
    // A new minute starts afresh.
    tallies.count('location:search:a:v1', 'hit', 'l1', 61_000);
    expect(tallies.ratios(62_000)[0]!.value).toBe(1);
    expect(tallies.ratios(200_000)).toEqual([]);
    // Lifetime counters are not windowed.
    expect(tallies.hits()[0]!.value).toBe(2);
  });
});

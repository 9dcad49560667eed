import type { PlaceSearchParams } from '../../../src/shared/places/placeSearchParams.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Draws ranks 0…n-1 with P(rank k) ∝ 1 / (k + 1)^s (Zipf), by binary search in the cumulative
 * weights. Rank 0 is the most popular.
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k++) cumulative.push((total += 1 / k ** s));
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Where the sandbox has places, and words its places answer to (Kakao and Google both match English). */
const CITIES = [
  {
    name: 'Seoul',
    lat: 37.5665,
    lng: 126.978,
    terms: [
      'palace',
      'museum',
      'market',
      'cafe',
      'tower',
      'temple',
      'park',
      'village',
      'gallery',
      'restaurant',
    ],
  },
  {
    name: 'Busan',
    lat: 35.1796,
    lng: 129.0756,
    terms: ['beach', 'market', 'temple', 'cafe', 'village', 'tower', 'park', 'museum'],
  },
  {
    name: 'Jeju',
    lat: 33.4996,
    lng: 126.5312,
    terms: ['beach', 'museum', 'cafe', 'park', 'forest', 'market', 'rock'],
  },
  {
    name: 'Tokyo',
    lat: 35.6762,
    lng: 139.6503,
    terms: ['temple', 'shrine', 'museum', 'tower', 'park', 'market', 'garden', 'cafe'],
  },
] as const;

/**
 * `count` distinct searches around the dataset's cities: a city, one of its words, and a centre
 * jittered up to ±0.02° (≈2 km), all drawn from `random`; duplicates are re-drawn. The radius is
 * the largest allowed (20 km) so nearly every search finds places; `radius` may be shifted by a
 * per-run salt so that a shared Redis from an earlier run cannot turn cold keys warm.
 */
export function distinctSearches(count: number, random: () => number, radiusSalt = 0): PlaceSearchParams[] {
  const seen = new Set<string>();
  const searches: PlaceSearchParams[] = [];
  while (searches.length < count) {
    const city = CITIES[Math.floor(random() * CITIES.length)]!;
    const term = city.terms[Math.floor(random() * city.terms.length)]!;
    const lat = (city.lat + (random() - 0.5) * 0.04).toFixed(4);
    const lng = (city.lng + (random() - 0.5) * 0.04).toFixed(4);
    const id = `${term}|${lat}|${lng}`;
    if (seen.has(id)) continue;
    seen.add(id);
    searches.push(
      placeSearchParamsSchema.parse({
        query: term,
        lat,
        lng,
        radius: String(20_000 - radiusSalt),
        language: 'en',
      }),
    );
  }
  return searches;
}

/** A seeded permutation of 0…n-1 (Fisher–Yates), so popularity is not tied to generation order. */
export function shuffledIndexes(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

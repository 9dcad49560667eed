import type { Place } from '../../domain/place.js';
import { SeededRandom } from '../../planner/solvers/seededRandom.js';

/** What a variation plans from: fewer of the last plan's places, and a seeded ranking. */
export interface VariationPool {
  places: Place[];
  ranking: string[];
}

/**
 * A genuinely different plan of similar quality from a seed: about half of the last plan's places
 * that meet no stated preference sit this plan out (those that do stay, so every interest is still
 * served), and the rest get a seeded order of preference — places the last plan did not have first,
 * shuffled by the seed, its own places last. Given to the planner as its ranking, that moves each
 * place's score by up to the ranking's weight, so preferences, ratings and suitability still decide
 * most of the plan. `keep` (pins, annotated stops) never sit out.
 */
export function variationPool(
  places: readonly Place[],
  previous: ReadonlySet<string>,
  matched: ReadonlyMap<string, readonly string[]>,
  keep: ReadonlySet<string>,
  seed: number,
): VariationPool {
  const random = new SeededRandom(seed);
  const resting = (p: Place) =>
    previous.has(p.id) && !keep.has(p.id) && (matched.get(p.id)?.length ?? 0) === 0 && random.next() < 0.5;
  const pool = places.filter((p) => !resting(p));
  const fresh = pool.filter((p) => !previous.has(p.id)).map((p) => p.id);
  // Fisher–Yates with the seeded generator (a library shuffle would draw from Math.random).
  for (let i = fresh.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [fresh[i], fresh[j]] = [fresh[j]!, fresh[i]!];
  }
  return { places: pool, ranking: [...fresh, ...pool.filter((p) => previous.has(p.id)).map((p) => p.id)] };
}

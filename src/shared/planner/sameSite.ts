import { haversineMeters } from '../domain/geo.js';
import type { Place } from '../domain/place.js';

/** Places this close are one site (a museum inside a palace, a tower in its park, adjacent palaces). */
export const SAME_SITE_METERS = 350;

/**
 * For each place, the indices (into `places`) of the others on the same site. Not transitive on
 * purpose: a chain of neighbours across a dense quarter is not one site.
 */
export function siteNeighbours(places: readonly Pick<Place, 'location'>[]): number[][] {
  const neighbours: number[][] = places.map(() => []);
  for (let a = 0; a < places.length; a++) {
    for (let b = a + 1; b < places.length; b++) {
      if (haversineMeters(places[a]!.location, places[b]!.location) <= SAME_SITE_METERS) {
        neighbours[a]!.push(b);
        neighbours[b]!.push(a);
      }
    }
  }
  return neighbours;
}

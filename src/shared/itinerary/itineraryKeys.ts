import { createHash } from 'node:crypto';

/**
 * Storage names for one trip's itinerary. Every user-controlled part is encoded or hashed, so no two
 * (owner, trip) pairs share a name: `a-b` + `c` and `a` + `b-c` differ, and so do `a:b` and `a-b`.
 */
export interface ItineraryKeys {
  /** The blob: `{encoded owner}/{encoded trip}.json`. */
  blob: string;
  /** Redis: the cached `{ doc, etag }`. */
  doc: string;
  /** Redis: the cached ETag alone (the hot read path compares only this). */
  etag: string;
  /** Redis: the write generation, bumped on every write, that guards filling the cache. */
  generation: string;
}

export function itineraryKeys(ownerId: string, tripId: string): ItineraryKeys {
  // The hash tag `{…}` keeps the three keys in one slot, so one Lua script may touch them all on a cluster.
  const tag = createHash('sha256')
    .update(JSON.stringify([ownerId, tripId]))
    .digest('base64url')
    .slice(0, 32);
  return {
    blob: `${encodeURIComponent(ownerId)}/${encodeURIComponent(tripId)}.json`,
    doc: `itinerary:doc:{${tag}}:v2`,
    etag: `itinerary:etag:{${tag}}:v2`,
    generation: `itinerary:gen:{${tag}}:v2`,
  };
}

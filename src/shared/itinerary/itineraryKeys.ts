import { createHash } from 'node:crypto';

import { LRUCache } from 'lru-cache';

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

/** Keys by (owner, trip): every read of a trip needs them, and a SHA-256 per read showed in its profile. */
const known = new LRUCache<string, Readonly<ItineraryKeys>>({ max: 10_000 });

export function itineraryKeys(ownerId: string, tripId: string): Readonly<ItineraryKeys> {
  // JSON of the pair, like the hash input: unambiguous whatever either id holds.
  const id = JSON.stringify([ownerId, tripId]);
  let keys = known.get(id);
  if (!keys) {
    keys = Object.freeze(keysOf(ownerId, tripId, id));
    known.set(id, keys);
  }
  return keys;
}

function keysOf(ownerId: string, tripId: string, id: string): ItineraryKeys {
  // The hash tag `{…}` keeps the three keys in one slot, so one Lua script may touch them all on a cluster.
  const tag = createHash('sha256').update(id).digest('base64url').slice(0, 32);
  return {
    blob: `${encodeURIComponent(ownerId)}/${encodeURIComponent(tripId)}.json`,
    doc: `itinerary:doc:{${tag}}:v2`,
    etag: `itinerary:etag:{${tag}}:v2`,
    generation: `itinerary:gen:{${tag}}:v2`,
  };
}

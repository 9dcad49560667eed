import { LRUCache } from 'lru-cache';

import type { Trip } from './tripSchema.js';

/**
 * How long a trip's language is taken from memory. Writes on this instance forget it at once
 * (`forgetTripLanguage`); a change made on another instance is seen within this time, the bound the
 * itinerary view keeps without Redis too.
 */
const FRESH_MS = 1_000;

const languages = new LRUCache<string, string>({ max: 10_000, ttl: FRESH_MS, ttlAutopurge: false });

const keyOf = (ownerId: string, tripId: string) => `${ownerId}\u0000${tripId}`;

/**
 * The language of the caller's trip, for an itinerary read that names none: a table read per
 * request was the cost of that read. Keyed by owner and trip, like the table itself, so one
 * caller can never be answered from another's entry; a trip not found is never remembered.
 */
/** What the memo reads on a miss: the trip service (or store), which checks the owner. */
export interface TripReader {
  get(ownerId: string, tripId: string): Promise<{ readonly trip: Pick<Trip, 'language'> }>;
}

export async function tripLanguage(trips: TripReader, ownerId: string, tripId: string): Promise<string> {
  const key = keyOf(ownerId, tripId);
  const known = languages.get(key);
  if (known !== undefined) return known;
  const { trip } = await trips.get(ownerId, tripId);
  languages.set(key, trip.language);
  return trip.language;
}

/** Forget what is remembered of a trip that was just changed or deleted on this instance. */
export function forgetTripLanguage(ownerId: string, tripId: string): void {
  languages.delete(keyOf(ownerId, tripId));
}

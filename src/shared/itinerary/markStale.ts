import { isDeepStrictEqual } from 'node:util';

import { AppError } from '../errors/AppError.js';
import type { Trip } from '../trips/tripSchema.js';
import type { ItineraryStore } from './ItineraryStore.js';

/** Trip fields an itinerary was planned from, by the name a traveller knows them by. */
const PLANNED_FROM: readonly [string, (trip: Trip) => unknown][] = [
  ['dates', (t) => [t.startDate, t.endDate]],
  ['daily hours', (t) => [t.dailyStart, t.dailyEnd]],
  ['accommodation', (t) => t.accommodation],
  ['members', (t) => t.members],
  ['transport', (t) => t.transport],
  ['pins and avoids', (t) => [t.mustVisit ?? [], t.avoid ?? {}]],
];

/** What changed between two versions of a trip that the itinerary depends on. */
export function plannedFromChanges(before: Trip, after: Trip): string[] {
  return PLANNED_FROM.filter(([, pick]) => !isDeepStrictEqual(pick(before), pick(after))).map(
    ([name]) => name,
  );
}

/**
 * Mark the trip's itinerary `stale` with what changed (merged with earlier changes), so clients can
 * offer to regenerate. No itinerary: nothing to do. Retries when a concurrent writer got there first.
 */
export async function markItineraryStale(
  store: ItineraryStore,
  ownerId: string,
  before: Trip,
  after: Trip,
): Promise<string[]> {
  const changed = plannedFromChanges(before, after);
  if (changed.length === 0) return changed;
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await store.find(ownerId, after.id);
    if (!stored) return changed;
    const since = stored.doc.stale?.since ?? new Date().toISOString();
    const all = [...new Set([...(stored.doc.stale?.changed ?? []), ...changed])];
    try {
      await store.put(ownerId, after.id, { ...stored.doc, stale: { since, changed: all } }, stored.etag);
      return changed;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'precondition_failed')) throw error;
    }
  }
  return changed;
}

import type { Redis } from 'ioredis';

import type { Place } from '../domain/place.js';
import type { ItineraryDocument, ItineraryItem } from '../itinerary/ItineraryDocument.js';
import type { ItineraryStore } from '../itinerary/ItineraryStore.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import { hasKnownHours, isWithin, openIntervalsOn } from '../planner/openingWindows.js';
import { parseHhmm } from '../planner/timeOfDay.js';
import { weekdayOf } from '../planner/tripDates.js';
import type { Logger } from '../telemetry/Logger.js';
import type { TripStore } from '../trips/TripStore.js';
import type { RunLock } from './RunLock.js';
import { UpstreamBudget } from './UpstreamBudget.js';

export interface VerifierReport {
  ran: boolean;
  trips: number;
  placesChecked: number;
  itemsFlagged: number;
  /** Traveller-facing notes of the automatic repairs made. */
  repairs: number;
  deferred: number;
  upstreamCalls: number;
}

export interface UpcomingTripVerifierOptions {
  trips: TripStore;
  itineraries: ItineraryStore;
  places: PlaceServices;
  lock: RunLock;
  logger: Logger;
  upstreamBudget: number;
  redis?: Redis;
  now?: () => Date;
  horizonDays?: number;
  /** Repairs the days of a flagged itinerary with the places' current facts; returns the notes recorded. */
  repair?: (ownerId: string, tripId: string, fresh: ReadonlyMap<string, Place>) => Promise<string[]>;
}

/** Longest trip, in days: a trip that started this many days ago may still be under way. */
const LONGEST_TRIP_DAYS = 14;

export const HOURS_CHANGED = 'hours_changed';

/**
 * For itineraries of trips under way or starting within 7 days, re-reads every planned place's opening hours (and
 * rating) from the providers. A visit that now falls outside the hours, or on a day the place is
 * closed, gets a warning on its item and a re-plan suggestion on the itinerary, published on
 * `ai:itinerary:warning:{tripId}`. With `repair`, the affected days are then repaired (re-timed, or the
 * closed place replaced) and the change recorded on the itinerary.
 */
export class UpcomingTripVerifier {
  readonly #o: Readonly<UpcomingTripVerifierOptions>;

  constructor(options: Readonly<UpcomingTripVerifierOptions>) {
    this.#o = options;
  }

  async run(signal?: AbortSignal): Promise<VerifierReport> {
    const report: VerifierReport = {
      ran: false,
      trips: 0,
      placesChecked: 0,
      itemsFlagged: 0,
      repairs: 0,
      deferred: 0,
      upstreamCalls: 0,
    };
    const lease = await this.#o.lock.tryAcquire('upcoming-trip-verifier', 30 * 60_000);
    if (!lease) return report;
    report.ran = true;
    try {
      const budget = new UpstreamBudget(this.#o.upstreamBudget);
      const today = (this.#o.now ?? (() => new Date()))();
      const from = today.toISOString().slice(0, 10);
      const to = new Date(today.getTime() + (this.#o.horizonDays ?? 7) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      // Trips under way are verified too: those that started up to 13 days ago and have not ended.
      const earliest = new Date(today.getTime() - (LONGEST_TRIP_DAYS - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      // Most urgent first: a run's budget goes to the trips whose next day comes soonest (trips under way,
      // then by start date), so with more trips than budget the ones about to be lived are never starved.
      const nextDay = (t: { startDate: string }) => (t.startDate > from ? t.startDate : from);
      const trips = (await this.#o.trips.listStartingBetween(earliest, to))
        .filter((t) => t.endDate >= from)
        .sort((a, b) => nextDay(a).localeCompare(nextDay(b)) || a.startDate.localeCompare(b.startDate));
      for (const trip of trips) {
        const stored = await this.#o.itineraries.find(trip.ownerId, trip.id);
        if (!stored) continue;
        report.trips++;
        const fresh = new Map<string, Place>();
        for (const item of visits(stored.doc)) {
          const id = item.place!.id;
          if (fresh.has(id)) continue;
          if (signal?.aborted || !(await lease.stillHeld()) || !(await budget.take())) {
            report.deferred++;
            continue;
          }
          const place = await this.#refetch(item.place!, trip.language, signal).catch(() => undefined);
          if (place) fresh.set(id, place);
          report.placesChecked++;
        }
        const flagged = await this.#flag(trip.ownerId, trip.id, fresh);
        report.itemsFlagged += flagged;
        if (this.#o.repair && (flagged > 0 || stored.doc.replan?.suggested)) {
          const notes = await this.#o.repair(trip.ownerId, trip.id, fresh).catch((error: unknown) => {
            this.#o.logger.warn('verifier repair failed', {
              tripId: trip.id,
              error: (error as Error)?.message,
            });
            return [];
          });
          report.repairs += notes.length;
        }
      }
      report.upstreamCalls = budget.spent;
      this.#o.logger.info('verifier run', { ...report });
      return report;
    } finally {
      await lease.release();
    }
  }

  /** The provider's current view of a place, bypassing cached hours. */
  async #refetch(place: Place, language: string, signal?: AbortSignal): Promise<Place> {
    if (place.provider === 'google') {
      await this.#o.places.details.invalidate(place.id, language);
      return (await this.#o.places.details.get(place.id, language, signal)).place;
    }
    const { openingHours: _stale, ...withoutHours } = place;
    await this.#o.places.hours.invalidate(place.id);
    return this.#o.places.hours.enrich(withoutHours, signal);
  }

  /** Add warnings to items whose visit no longer fits; store only if something new was flagged. */
  async #flag(ownerId: string, tripId: string, fresh: ReadonlyMap<string, Place>): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.#o.itineraries.find(ownerId, tripId);
      if (!stored) return 0;
      const doc = structuredClone(stored.doc) as ItineraryDocument;
      let flagged = 0;
      for (const day of doc.days) {
        for (const item of day.items) {
          const place = item.place && fresh.get(item.place.id);
          if (!place || item.kind === 'travel' || !hasKnownHours(place)) continue;
          const open = openIntervalsOn(place.openingHours!, weekdayOf(day.date));
          if (isWithin(open, parseHhmm(item.start), parseHhmm(item.end))) continue;
          const message =
            open.length === 0
              ? `${place.name} is now closed on ${day.date}; the visit at ${item.start} needs re-planning.`
              : `${place.name}'s opening hours changed: the visit ${item.start}–${item.end} on ${day.date} is now outside them.`;
          if (item.warnings?.includes(message)) continue;
          item.warnings = [...(item.warnings ?? []), message];
          doc.warnings = [
            ...doc.warnings,
            { code: HOURS_CHANGED, message, date: day.date, placeId: place.id, itemId: item.id },
          ];
          flagged++;
        }
      }
      if (flagged === 0) return 0;
      doc.replan = {
        suggested: true,
        reason: HOURS_CHANGED,
        how: `POST /api/trips/${tripId}/itinerary-jobs`,
        checkedAt: new Date().toISOString(),
      };
      try {
        await this.#o.itineraries.put(ownerId, tripId, doc, stored.etag);
      } catch (error) {
        if ((error as { code?: string }).code === 'precondition_failed') continue;
        throw error;
      }
      await this.#o.redis
        ?.publish(
          `ai:itinerary:warning:${tripId}`,
          JSON.stringify({ tripId, flagged, warnings: doc.warnings }),
        )
        .catch(() => undefined);
      return flagged;
    }
    return 0;
  }
}

function visits(doc: ItineraryDocument): ItineraryItem[] {
  return doc.days.flatMap((d) => d.items).filter((i) => (i.kind === 'visit' || i.kind === 'meal') && i.place);
}

import type { DaySchedule } from './daySchedule.js';
import type { DayContext } from './dayStops.js';
import type { ItineraryItem } from './planTypes.js';
import { formatHhmm } from './timeOfDay.js';
import type { Leg } from './TravelModel.js';

/** A deterministic item id: date, position and what the item is (URL-safe). */
export function itemId(
  date: string,
  position: number,
  kind: ItineraryItem['kind'],
  placeId?: string,
): string {
  const suffix = placeId === undefined ? '' : `-${placeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return `${date}-${String(position).padStart(2, '0')}-${kind}${suffix}`;
}

/** Turn a timed day into itinerary items: travel, visit or meal, rest, …, travel home. */
export function dayItems(context: DayContext, schedule: DaySchedule): ItineraryItem[] {
  const drafts: Omit<ItineraryItem, 'id'>[] = [];
  const travelItem = (leg: Leg, departure: number): void => {
    // No 0-metre travel items: two places at one address are a step apart, not a journey.
    if (leg.distanceMeters === 0) return;
    drafts.push({
      kind: 'travel',
      start: formatHhmm(departure),
      end: formatHhmm(departure + leg.minutes),
      travel: {
        mode: leg.mode,
        distanceMeters: leg.distanceMeters,
        durationSeconds: leg.durationSeconds,
        estimated: leg.estimated,
      },
    });
  };
  const lastTiming = schedule.timings.at(-1);
  for (const timing of schedule.timings) {
    const place = context.places[timing.stop.placeIndex]!;
    travelItem(timing.legIn, timing.departPrevious);
    drafts.push({
      kind: timing.stop.kind,
      start: formatHhmm(timing.start),
      end: formatHhmm(timing.end),
      placeId: place.id,
      place,
      ...(timing.stop.meal ? { meal: timing.stop.meal } : {}),
    });
    if (timing.stop.restAfter > 0 && timing !== lastTiming) {
      drafts.push({
        kind: 'rest',
        start: formatHhmm(timing.end),
        end: formatHhmm(timing.end + timing.stop.restAfter),
      });
    }
  }
  if (schedule.timings.length > 0) travelItem(schedule.legHome, schedule.departLast);
  return drafts.map((draft, position) => ({
    id: itemId(context.date, position, draft.kind, draft.placeId),
    ...draft,
  }));
}

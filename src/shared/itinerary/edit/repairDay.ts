import type { Place } from '../../domain/place.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDay, ItineraryDocument } from '../ItineraryDocument.js';
import { checkDays } from './checkDays.js';
import { findAlternatives } from './findAlternatives.js';
import type { PlanningInputs } from './PlanningInputs.js';
import { retimeDay } from './retimeDay.js';
import { stopsOf, type StopSpec } from './StopSpec.js';

/** A repaired day and what the traveller should be told about it. */
export interface DayRepair {
  day: ItineraryDay;
  notes: string[];
}

/**
 * Make a day valid again after a place's hours changed, keeping the traveller's other stops: first
 * re-time the same stops; if a place is still closed then, put the best alternative for that slot
 * in its place, or drop it when nothing fits. `undefined` when the day is fine as it is.
 */
export function repairDay(
  inputs: PlanningInputs,
  trip: Trip,
  doc: ItineraryDocument,
  date: string,
): DayRepair | undefined {
  const dates = new Set([date]);
  const valid = (days: ItineraryDay[]) => checkDays(inputs.request, inputs.context, days, dates).hard;
  const withDay = (day: ItineraryDay) => doc.days.map((d) => (d.date === date ? day : d));
  const original = doc.days.find((d) => d.date === date)!;
  const problems = valid(doc.days);
  if (problems.length === 0) return undefined;

  let stops = stopsOf(original);
  const retimed = retimeDay(inputs, date, stops);
  if (valid(withDay(retimed)).length === 0)
    return { day: retimed, notes: [`Times on ${date} were adjusted to new opening hours.`] };

  const notes: string[] = [];
  const closedIds = new Set(
    valid(withDay(retimed)).flatMap((v) =>
      v.kind === 'closed' || v.kind === 'closed_day' ? [v.placeId] : [],
    ),
  );
  for (const closed of stops.filter((s) => closedIds.has(s.place.id))) {
    const current: ItineraryDocument = { ...doc, days: withDay(retimeDay(inputs, date, stops)) };
    const itemId = current.days
      .find((d) => d.date === date)!
      .items.find((i) => i.place?.id === closed.place.id && i.kind === closed.kind)!.id;
    const [best] = findAlternatives(inputs, trip, current, itemId, 1);
    stops = best
      ? stops.map((s) => (s === closed ? replacement(closed, best.place) : s))
      : stops.filter((s) => s !== closed);
    notes.push(
      best
        ? `${closed.place.name} is closed at the planned time on ${date}; ${best.place.name} was planned instead.`
        : `${closed.place.name} is closed at the planned time on ${date} and was taken out of the plan.`,
    );
  }
  return { day: retimeDay(inputs, date, stops), notes };
}

function replacement(old: StopSpec, place: Place): StopSpec {
  return { kind: old.kind, place, ...(old.meal ? { meal: old.meal } : {}) };
}

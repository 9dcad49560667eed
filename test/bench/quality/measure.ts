import { haversineMeters } from '../../../src/shared/domain/geo.js';
import type { ItineraryDocument, ItineraryItem } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { requiredMeals } from '../../../src/shared/planner/dayStops.js';
import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { kindKey, kindOf } from '../../../src/shared/planner/placeKind.js';
import { isStrenuous } from '../../../src/shared/planner/placeTraits.js';
import { distinctPreferences, preferenceMatcher } from '../../../src/shared/planner/preferenceMatch.js';
import { SAME_SITE_METERS } from '../../../src/shared/planner/sameSite.js';
import { sunsetMinutes, utcOffsetMinutes } from '../../../src/shared/planner/sunset.js';
import { parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import { DEFAULT_MEALS } from '../../../src/shared/planner/visitDurations.js';
import type { Trip } from '../../../src/shared/trips/tripSchema.js';

/** Names of sandbox places by provider id and language, to check the requested language is used. */
export type NamesById = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** What a traveller would fault in one itinerary (counts), plus the shares that are averaged. */
export interface TripQuality {
  hardViolations: number;
  daysWithoutVisit: number;
  daysWithoutLunch: number;
  daysWithoutDinner: number;
  repeatedRestaurants: number;
  wheelchairUnsuitable: number;
  strenuousForGroup: number;
  outdoorAfterSunset: number;
  sameSiteSplits: number;
  daysOverTwoOfAKind: number;
  namesNotInLanguage: number;
  namesChecked: number;
  idleShare: number;
  preferencesCovered: number;
  preferencesStated: number;
  itemsWithoutReason: number;
  /** Minutes of each day spent at visits (the sightseeing a day holds), for the day-balance figures. */
  visitMinutesByDay: number[];
  /** Stated preferences no scheduled place meets. */
  missed: string[];
}

const minutes = (item: ItineraryItem) => parseHhmm(item.end) - parseHhmm(item.start);

/** Measure one generated itinerary against the traveller-level rules of issue #12. */
export function measure(
  trip: Trip,
  doc: Pick<ItineraryDocument, 'days' | 'metrics'>,
  names: NamesById,
): TripQuality {
  const profile = groupProfile(trip.members);
  const sensitive =
    profile.hasLimitedMobility || profile.hasWheelchair || profile.hasToddler || profile.hasVeryOld;
  const window = parseHhmm(trip.dailyEnd) - parseHhmm(trip.dailyStart);
  const offset = utcOffsetMinutes(trip.destination.countryCode, trip.accommodation.lng);
  const meals = requiredMeals({
    dayStart: parseHhmm(trip.dailyStart),
    dayEnd: parseHhmm(trip.dailyEnd),
    meals: DEFAULT_MEALS,
    profile,
  });
  const q: TripQuality = {
    hardViolations: Number(doc.metrics?.violations ?? 0),
    daysWithoutVisit: 0,
    daysWithoutLunch: 0,
    daysWithoutDinner: 0,
    repeatedRestaurants: 0,
    wheelchairUnsuitable: 0,
    strenuousForGroup: 0,
    outdoorAfterSunset: 0,
    sameSiteSplits: 0,
    daysOverTwoOfAKind: 0,
    namesNotInLanguage: 0,
    namesChecked: 0,
    idleShare: 0,
    preferencesCovered: 0,
    preferencesStated: 0,
    itemsWithoutReason: 0,
    visitMinutesByDay: [],
    missed: [],
  };
  const restaurants = new Set<string>();
  const visitsByDay: { day: number; place: NonNullable<ItineraryItem['place']> }[] = [];
  let idle = 0;
  doc.days.forEach((day, d) => {
    const visits = day.items.filter((i) => i.kind === 'visit' && i.place);
    if (visits.length === 0) q.daysWithoutVisit++;
    for (const rule of meals) {
      if (!day.items.some((i) => i.kind === 'meal' && i.meal === rule.meal)) {
        if (rule.meal === 'lunch') q.daysWithoutLunch++;
        else q.daysWithoutDinner++;
      }
    }
    let busy = 0;
    let previousEnd = -1;
    for (const item of day.items) {
      // Free time (a rest longer than the group's pause after a visit) is idle time, however it is labelled.
      if (!(item.kind === 'rest' && minutes(item) > profile.restMinutes)) busy += minutes(item);
      if (previousEnd > parseHhmm(item.start)) q.hardViolations++;
      previousEnd = parseHhmm(item.end);
      if (!item.place) continue;
      if ((item.kind === 'visit' || item.kind === 'meal') && !item.reason?.trim()) q.itemsWithoutReason++;
      if (item.kind === 'meal') {
        if (restaurants.has(item.place.id)) q.repeatedRestaurants++;
        restaurants.add(item.place.id);
      }
      if (profile.hasWheelchair && item.place.wheelchairAccessible === false) q.wheelchairUnsuitable++;
      if (item.kind !== 'visit') continue;
      if (sensitive && isStrenuous(item.place)) q.strenuousForGroup++;
      const sunset = sunsetMinutes(day.date, item.place.location, offset);
      if (kindOf(item.place)?.outdoor && sunset !== undefined && parseHhmm(item.end) > sunset + 30)
        q.outdoorAfterSunset++;
      visitsByDay.push({ day: d, place: item.place });
      const providerId = item.place.id.split(':')[1]!;
      const wanted = names.get(providerId)?.[trip.language.split('-')[0]!];
      if (wanted !== undefined) {
        q.namesChecked++;
        if (item.place.name !== wanted) q.namesNotInLanguage++;
      }
    }
    q.visitMinutesByDay.push(visits.reduce((sum, v) => sum + minutes(v), 0));
    const kinds = new Map<string, number>();
    for (const v of visits) kinds.set(kindKey(v.place!), (kinds.get(kindKey(v.place!)) ?? 0) + 1);
    if ([...kinds.values()].some((n) => n > 2)) q.daysOverTwoOfAKind++;
    idle += Math.max(0, window - busy) / window;
  });
  for (let a = 0; a < visitsByDay.length; a++)
    for (let b = a + 1; b < visitsByDay.length; b++) {
      const x = visitsByDay[a]!;
      const y = visitsByDay[b]!;
      if (x.day !== y.day && haversineMeters(x.place.location, y.place.location) <= SAME_SITE_METERS)
        q.sameSiteSplits++;
    }
  q.idleShare = doc.days.length > 0 ? idle / doc.days.length : 1;
  const preferences = distinctPreferences(trip.members.map((m) => m.preferences));
  const scheduled = doc.days.flatMap((day) => day.items.flatMap((i) => (i.place ? [i.place] : [])));
  q.preferencesStated = preferences.length;
  q.missed = preferences.filter((p) => !scheduled.some((place) => preferenceMatcher(p).matches(place)));
  q.preferencesCovered = preferences.length - q.missed.length;
  return q;
}

/** How evenly a trip's days hold their sightseeing (multi-day trips only). */
export interface DayBalance {
  /** Coefficient of variation of visit minutes across the days (0 = all days alike). */
  readonly cv: number;
  /** Busiest day's visit minutes over the lightest day's (≥ 1; Infinity when a day has none). */
  readonly maxOverMin: number;
  /** Neighbouring days where one holds at most half the other's visit minutes. */
  readonly lopsidedPairs: number;
}

/** Day balance of one trip from its visit minutes per day; `undefined` for a one-day trip. */
export function dayBalance(visitMinutesByDay: readonly number[]): DayBalance | undefined {
  const n = visitMinutesByDay.length;
  if (n < 2) return undefined;
  const mean = visitMinutesByDay.reduce((a, b) => a + b, 0) / n;
  const variance = visitMinutesByDay.reduce((sum, m) => sum + (m - mean) ** 2, 0) / n;
  const max = Math.max(...visitMinutesByDay);
  const min = Math.min(...visitMinutesByDay);
  let lopsidedPairs = 0;
  for (let d = 1; d < n; d++) {
    const [a, b] = [visitMinutesByDay[d - 1]!, visitMinutesByDay[d]!];
    if (Math.min(a, b) * 2 <= Math.max(a, b)) lopsidedPairs++;
  }
  return {
    cv: mean > 0 ? Math.sqrt(variance) / mean : 0,
    maxOverMin: min > 0 ? max / min : Infinity,
    lopsidedPairs,
  };
}

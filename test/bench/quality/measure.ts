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
      busy += minutes(item);
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

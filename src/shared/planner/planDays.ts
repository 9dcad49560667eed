import { dayItems } from './dayItems.js';
import { scheduleStops } from './daySchedule.js';
import type { DayContext } from './dayStops.js';
import { markFreeTime } from './freeTime.js';
import { message } from './messages.js';
import { kindKey } from './placeKind.js';
import { type DayPlanOptions, planDay } from './planDay.js';
import type { ItineraryDay, PlanRequest, PlanWarning } from './planTypes.js';
import type { ScoredCandidates, ScoredPlace } from './scoreCandidates.js';
import { ANY_DAY } from './splitDays.js';

/** What the day-by-day planning reads; computed once per trip by `planItinerary`. */
export interface TripPool {
  readonly request: PlanRequest;
  readonly days: readonly DayContext[];
  readonly scored: ScoredCandidates;
  /** `openOn[i][d]`: visit i can be visited on day d. */
  readonly openOn: readonly (readonly boolean[])[];
  /** Each visit's home day from the area split (or `ANY_DAY`). */
  readonly homeDay: readonly number[];
  /** Each visit's same-site neighbours (indices into `scored.visits`). */
  readonly neighbours: readonly (readonly number[])[];
  readonly pinned: ReadonlySet<string>;
  /**
   * Places planned like must-visit ones from the given day on (but never splitting a site): the
   * best candidate of each stated preference a first plan left unmet.
   */
  readonly wishes?: ReadonlyMap<string, number>;
  readonly options: DayPlanOptions;
}

/** The days as planned, with what the rest of planning needs to know about them. */
export interface PlannedDays {
  readonly days: ItineraryDay[];
  readonly warnings: PlanWarning[];
  /** Request indices of the visits planned. */
  readonly usedVisits: ReadonlySet<number>;
  /** Minutes of sightseeing each day holds. */
  readonly visitMinutes: readonly number[];
  /** Stated preferences some planned place meets. */
  readonly covered: ReadonlySet<string>;
}

/** A visit outside its day's area is worth this share of its score on that day. */
const OTHER_SECTOR_WEIGHT = 0.5;
/** Each earlier meal of the same cuisine keeps this share of a restaurant's score. */
const CUISINE_REPEAT = 0.75;
/** Weight of a visit that meets a stated preference no earlier day has met. */
const UNMET_PREFERENCE_BOOST = 1.6;
/** Weight of a visit on the last day of the trip it is open (closed on some days): now or never. */
const LAST_OPEN_DAY_BOOST = 1.3;
/**
 * Added to a must-visit place's score from its own day on, so the day keeps it over any other visit
 * (scores are about 0–100; meals, at 1 000, still come first).
 */
export const MUST_VISIT_PRIORITY = 500;

/**
 * Plan the trip day by day: each day chooses among the visits not yet planned, preferring its own
 * area, preferences not met yet and places it is the last chance for, within the sightseeing minutes
 * `limitOf` allows it (after a day that held `previousMinutes`), with restaurants not eaten at yet.
 */
export function planDays(
  pool: TripPool,
  limitOf: (day: number, previousMinutes: number | undefined) => number | undefined,
): PlannedDays {
  const { request, scored, openOn, homeDay, neighbours, pinned } = pool;
  const language = request.trip.language;
  const dayCount = pool.days.length;
  const dueOn = (i: number, d: number) => {
    const id = scored.visits[i]!.place.id;
    const wishedFrom = pool.wishes?.get(id);
    if (wishedFrom !== undefined && wishedFrom <= d) return true;
    return pinned.has(id) && (homeDay[i] === ANY_DAY || homeDay[i]! <= d);
  };
  // The last day a place with closing days is open (−1: open every day, no urgency).
  const lastOpenDay = openOn.map((open) => (open.every(Boolean) ? -1 : open.lastIndexOf(true)));

  const warnings: PlanWarning[] = [];
  const usedVisits = new Set<number>();
  const blockedVisits = new Set<number>();
  const usedRestaurants = new Set<number>();
  const cuisinesEaten = new Map<string, number>();
  const covered = new Set<string>();
  const visitMinutes: number[] = [];
  const matchedOf = new Map(
    [...scored.visits, ...scored.restaurants].map((s) => [s.index, s.matchedPreferences]),
  );
  const days = pool.days.map((day, d): ItineraryDay => {
    // A place of a preference no earlier day has met is worth more: every interest gets its turn.
    const uncovered = (s: ScoredPlace) => s.matchedPreferences.some((p) => !covered.has(p));
    const visits = scored.visits
      .map((scoredPlace, i) => ({ scored: scoredPlace, i }))
      .filter(
        ({ scored: s, i }) =>
          !usedVisits.has(s.index) &&
          // A site seen on another day still lets a must-visit place of it be planned.
          (!blockedVisits.has(s.index) || pinned.has(s.place.id)) &&
          openOn[i]![d],
      )
      .map(({ scored: s, i }) => ({
        scored: dueOn(i, d) ? { ...s, score: s.score + MUST_VISIT_PRIORITY } : s,
        weight:
          (homeDay[i] === d || homeDay[i] === ANY_DAY ? 1 : OTHER_SECTOR_WEIGHT) *
          (uncovered(s) ? UNMET_PREFERENCE_BOOST : 1) *
          (lastOpenDay[i] === d && d < dayCount - 1 ? LAST_OPEN_DAY_BOOST : 1),
      }));
    // Vary cuisine across the trip: each earlier meal of a cuisine makes it less attractive.
    const varied = (list: readonly ScoredPlace[]) =>
      list.map((r) => ({
        ...r,
        score:
          r.score *
          CUISINE_REPEAT ** (cuisinesEaten.get(kindKey(r.place)) ?? 0) *
          (uncovered(r) ? UNMET_PREFERENCE_BOOST : 1),
      }));
    const limit = limitOf(d, visitMinutes[d - 1]);
    const budget = limit === undefined ? {} : { visitMinutesLimit: limit };
    // Prefer restaurants not eaten at yet; go back to known ones only when no new one can serve a meal.
    const fresh = varied(scored.restaurants.filter((r) => !usedRestaurants.has(r.index)));
    let plan = planDay(day, { visits, restaurants: fresh, ...budget }, pool.options);
    if (plan.missingMeals.length > 0 && fresh.length < scored.restaurants.length) {
      const again = planDay(
        day,
        { visits, restaurants: varied(scored.restaurants), ...budget },
        pool.options,
      );
      if (again.missingMeals.length < plan.missingMeals.length) plan = again;
    }
    visitMinutes.push(plan.stops.reduce((sum, s) => sum + (s.kind === 'visit' ? s.minutes : 0), 0));
    for (const stop of plan.stops) {
      for (const p of matchedOf.get(stop.placeIndex) ?? []) covered.add(p);
      if (stop.kind === 'meal') {
        usedRestaurants.add(stop.placeIndex);
        const cuisine = kindKey(request.places[stop.placeIndex]!);
        cuisinesEaten.set(cuisine, (cuisinesEaten.get(cuisine) ?? 0) + 1);
        continue;
      }
      usedVisits.add(stop.placeIndex);
      // A site's other places are seen today or not at all, never split over two days.
      const i = scored.visits.findIndex((v) => v.index === stop.placeIndex);
      for (const j of neighbours[i] ?? []) blockedVisits.add(scored.visits[j]!.index);
    }
    for (const rule of plan.missingMeals) {
      warnings.push({
        code: 'meal_not_scheduled',
        date: day.date,
        message: message(language, 'meal_not_scheduled', {
          meal: message(language, `meal.${rule.meal}`),
          date: day.date,
        }),
      });
    }
    for (const stop of plan.stops.filter((s) => !s.hoursKnown)) {
      const place = request.places[stop.placeIndex]!;
      warnings.push({
        code: 'unknown_opening_hours',
        date: day.date,
        placeId: place.id,
        message: message(language, 'unknown_opening_hours', { name: place.name }),
      });
    }
    if (!plan.stops.some((s) => s.kind === 'visit')) {
      warnings.push({
        code: 'day_without_visits',
        date: day.date,
        message: message(language, 'day_without_visits', { date: day.date }),
      });
    }
    const items = dayItems(day, scheduleStops(day, plan.stops));
    return { date: day.date, items: markFreeTime(day.date, items, language, day.dayStart) };
  });
  return { days, warnings, usedVisits, visitMinutes, covered };
}

import { AppError } from '../errors/AppError.js';
import type { DayContext } from './dayStops.js';
import { type GroupProfile, groupProfile } from './groupProfile.js';
import type { PlanRequest } from './planTypes.js';
import { sunsetMinutes, utcOffsetMinutes } from './sunset.js';
import { parseHhmm } from './timeOfDay.js';
import { TravelModel } from './TravelModel.js';
import { tripDates, weekdayOf } from './tripDates.js';
import { DEFAULT_MEALS, type MealRule } from './visitDurations.js';

/** What planning, validation and repair all derive the same way from a request. */
export interface PlanningContext {
  readonly profile: GroupProfile;
  readonly travel: TravelModel;
  readonly days: readonly DayContext[];
  /** Index in `request.places` of each place id (first occurrence). */
  readonly placeIndex: ReadonlyMap<string, number>;
}

/** Longest trip the planner accepts, in days. */
export const MAX_TRIP_DAYS = 31;

/**
 * Derive the planning context. Throws `validation_failed` for a request no plan can satisfy
 * (dates reversed, a day that ends before it starts), listing the fields.
 */
export function planningContext(
  request: PlanRequest,
  meals: readonly MealRule[] = DEFAULT_MEALS,
): PlanningContext {
  const { trip } = request;
  const errors: { path: string; message: string }[] = [];
  let dates: string[] = [];
  let dayStart = 0;
  let dayEnd = 0;
  try {
    dates = tripDates(trip.startDate, trip.endDate);
    if (dates.length === 0) errors.push({ path: 'trip.endDate', message: 'endDate is before startDate' });
    if (dates.length > MAX_TRIP_DAYS)
      errors.push({ path: 'trip.endDate', message: `a trip may last at most ${MAX_TRIP_DAYS} days` });
  } catch (error) {
    errors.push({ path: 'trip.startDate', message: (error as Error).message });
  }
  try {
    dayStart = parseHhmm(trip.dailyStart);
    dayEnd = parseHhmm(trip.dailyEnd);
    if (dayEnd <= dayStart)
      errors.push({ path: 'trip.dailyEnd', message: 'dailyEnd must be after dailyStart' });
  } catch (error) {
    errors.push({ path: 'trip.dailyStart', message: (error as Error).message });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The trip cannot be planned', {
      detail: errors.map((e) => e.message).join('; '),
      errors,
    });
  }

  const profile = groupProfile(trip.members);
  const points = [trip.accommodation, ...request.places.map((p) => p.location)];
  const travel = new TravelModel(points, request.matrices, trip.transport.mode, profile);
  const placeIndex = new Map<string, number>();
  request.places.forEach((place, index) => {
    if (!placeIndex.has(place.id)) placeIndex.set(place.id, index);
  });
  const offset = utcOffsetMinutes(trip.destination?.countryCode, trip.accommodation.lng);
  const days = dates.map((date) => ({
    date,
    weekday: weekdayOf(date),
    dayStart,
    dayEnd,
    profile,
    travel,
    meals,
    places: request.places,
    sunset: sunsetMinutes(date, trip.accommodation, offset),
  }));
  return { profile, travel, days, placeIndex };
}

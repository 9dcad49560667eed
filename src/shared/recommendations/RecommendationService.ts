import { cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { haversineMeters } from '../domain/geo.js';
import type { Place } from '../domain/place.js';
import { dietFit } from '../planner/dietary.js';
import { fillMissingHours, searchUntilEnough } from '../planner/gatherCandidates.js';
import { groupProfile } from '../planner/groupProfile.js';
import { joinList, message } from '../planner/messages.js';
import { openIntervalsOn } from '../planner/openingWindows.js';
import type { PlaceSource } from '../planner/PlaceSource.js';
import type { PlanTrip } from '../planner/planTypes.js';
import { scoreCandidates } from '../planner/scoreCandidates.js';
import { formatHhmm, parseHhmm } from '../planner/timeOfDay.js';
import { weekdayOf } from '../planner/tripDates.js';
import type { RecommendationParams } from './recommendationParams.js';

/** Whether a recommended place is open at the asked date and time. */
export interface OpeningStatus {
  readonly status: 'open' | 'closed' | 'closed_today' | 'unknown';
  /** When it closes (open) or next opens that day (closed), HH:MM local. */
  readonly until?: string;
  readonly opensAt?: string;
}

export interface Recommendation {
  readonly place: Place;
  readonly score: number;
  readonly distanceMeters: number;
  /** Why this place, in the asked language. */
  readonly reason: string;
  /** What to check (unknown step-free access, an unverified diet). */
  readonly notes: string[];
  readonly opening: OpeningStatus;
}

export interface Recommendations {
  readonly recommendations: Recommendation[];
  readonly cache: 'hit' | 'miss' | 'stale';
}

/** The design's recommendations TTL. */
export const RECOMMENDATIONS_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * Places suited to a group near a point, ranked with the planner's own scoring (preferences by kind,
 * rating, suitability; unsuitable places never shown), nearer first among equals, each with its
 * reason and opening status. Gathering widens as for an itinerary; cached 2 h per question.
 */
export class RecommendationService {
  constructor(
    private readonly source: PlaceSource,
    private readonly cache: TieredCache,
  ) {}

  async recommend(params: RecommendationParams, signal?: AbortSignal): Promise<Recommendations> {
    const key = cacheKey(
      'recommendations',
      'list',
      queryHash({ ...params, ages: params.ages.join(','), preferences: params.preferences.join(',') }),
    );
    const result = await this.cache.getOrLoad(key, { ttlMs: RECOMMENDATIONS_TTL_MS }, () =>
      this.#load(params, signal),
    );
    return { recommendations: result.value, cache: result.cache };
  }

  async #load(params: RecommendationParams, signal?: AbortSignal): Promise<Recommendation[]> {
    const trip = toTrip(params);
    const profile = groupProfile(trip.members);
    const calls = { search: 0, details: 0, matrix: 0 };
    const found = await searchUntilEnough(
      this.source,
      trip,
      { visits: params.limit + 6, restaurants: 4 },
      { maxSearchCalls: 24 },
      calls,
      [],
      signal,
    );
    const point = { lat: params.lat, lng: params.lng };
    const perKm = params.transport === 'car' ? 0.2 : 0.5;
    const scored = scoreCandidates([...found.places.values()], trip.members, profile);
    const ranked = [...scored.visits, ...scored.restaurants]
      .map((s) => ({ s, value: s.score - (perKm * haversineMeters(point, s.place.location)) / 1000 }))
      .sort((a, b) => b.value - a.value || a.s.place.id.localeCompare(b.s.place.id))
      .slice(0, params.limit);
    const places = await fillMissingHours(
      this.source,
      ranked.map(({ s }) => s.place),
      params.language,
      params.limit,
      calls,
      [],
      signal,
    );
    const language = params.language;
    const diets = profile.diets.map((diet) => message(language, `diet.${diet}`));
    return ranked.map(({ s }, i) => {
      const place = places[i]!;
      const parts: string[] = [];
      if (place.category === 'restaurant' && diets.length > 0 && dietFit(place, profile.diets) === 'fits')
        parts.push(message(language, 'reason.diet_fits', { diets: joinList(language, diets) }));
      if (s.matchedPreferences.length > 0)
        parts.push(message(language, 'reason.matches', { what: joinList(language, s.matchedPreferences) }));
      if (profile.needsStepFree && place.wheelchairAccessible === true)
        parts.push(message(language, 'reason.step_free'));
      if (place.rating !== undefined && place.ratingCount !== undefined)
        parts.push(
          message(language, 'reason.rated', { rating: place.rating.toFixed(1), count: place.ratingCount }),
        );
      const notes: string[] = [];
      if (profile.needsStepFree && place.wheelchairAccessible === undefined)
        notes.push(message(language, 'accessibility_unknown', { name: place.name }));
      if (
        place.category === 'restaurant' &&
        diets.length > 0 &&
        dietFit(place, profile.diets) === 'unverified'
      )
        notes.push(
          message(language, 'diet_unverified', { name: place.name, diets: joinList(language, diets) }),
        );
      return {
        place,
        score: Math.round(s.score * 10) / 10,
        distanceMeters: Math.round(haversineMeters(point, place.location)),
        reason: (parts.length > 0 ? parts : [message(language, 'reason.popular')]).slice(0, 2).join(' · '),
        notes,
        opening: openingStatus(place, params.date, params.time),
      };
    });
  }
}

/** Open, closed, or closed all day at the asked local date and time (`unknown` without hours or date). */
export function openingStatus(place: Place, date?: string, time?: string): OpeningStatus {
  if (!place.openingHours || date === undefined) return { status: 'unknown' };
  const intervals = openIntervalsOn(place.openingHours, weekdayOf(date)).filter(
    (i) => i.end > 0 && i.start < 24 * 60,
  );
  if (intervals.length === 0) return { status: 'closed_today' };
  if (time === undefined) return { status: 'unknown', opensAt: formatHhmm(Math.max(0, intervals[0]!.start)) };
  const at = parseHhmm(time);
  const now = intervals.find((i) => i.start <= at && at < i.end);
  if (now) return { status: 'open', until: formatHhmm(Math.min(now.end, 24 * 60)) };
  const next = intervals.find((i) => i.start > at);
  return next ? { status: 'closed', opensAt: formatHhmm(next.start) } : { status: 'closed' };
}

/** The question as a one-day trip, so gathering and scoring are the itinerary's own. */
function toTrip(params: RecommendationParams): PlanTrip {
  const date = params.date ?? '2026-01-05';
  return {
    startDate: date,
    endDate: date,
    dailyStart: '09:00',
    dailyEnd: '21:00',
    accommodation: { name: 'point', lat: params.lat, lng: params.lng },
    transport: { mode: params.transport },
    members: params.ages.map((age, i) => ({
      name: `traveller ${i + 1}`,
      age,
      preferences: params.preferences,
      ...(i === 0
        ? { health: { mobility: params.mobility, ...(params.notes ? { notes: params.notes } : {}) } }
        : {}),
    })),
    language: params.language,
    destination: {
      lat: params.lat,
      lng: params.lng,
      ...(params.countryCode ? { countryCode: params.countryCode } : {}),
    },
  };
}

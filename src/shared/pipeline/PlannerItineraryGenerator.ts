import type { PlaceRanker } from '../ai/PlaceRanker.js';
import type { LatLng, Place } from '../domain/place.js';
import type { MatrixCell, TravelMode } from '../domain/route.js';
import { AppError } from '../errors/AppError.js';
import { loadPlanningInputs } from '../itinerary/edit/PlanningInputs.js';
import { planTripOf } from '../itinerary/edit/planTripOf.js';
import { regeneratedDocument } from '../itinerary/edit/regeneratedDocument.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { JobOptions } from '../jobs/Job.js';
import { estimateCell } from '../planner/estimateTravel.js';
import { gatherCandidates } from '../planner/gatherCandidates.js';
import type { PlaceSource } from '../planner/PlaceSource.js';
import { planItinerary } from '../planner/planItinerary.js';
import type { TravelMatrices } from '../planner/planTypes.js';
import { tripDates } from '../planner/tripDates.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Trip } from '../trips/tripSchema.js';
import {
  type ItineraryGenerator,
  type PlanAroundLockedDays,
  plannedAroundTooLate,
  type ProgressReporter,
} from './ItineraryGenerator.js';

export interface PlannerItineraryGeneratorOptions {
  source: PlaceSource;
  /** Optional LLM re-ranking; without it (or when it fails) the deterministic plan stands. */
  ranker?: PlaceRanker;
  logger: Logger;
  /** Label itineraries built from the sandbox's sample data. */
  sampleData?: boolean;
}

const SAMPLE_NOTICE =
  'Generated from the sandbox upstream: SAMPLE DATA of real places with approximate facts.';

/**
 * Gather → (rank) → plan → validate. Gathering makes a bounded number of upstream calls (searches,
 * a few details, one matrix per cluster); the planner is pure and deterministic; its validator's
 * metrics travel with the itinerary.
 */
export class PlannerItineraryGenerator implements ItineraryGenerator {
  readonly #o: Readonly<PlannerItineraryGeneratorOptions>;

  constructor(options: Readonly<PlannerItineraryGeneratorOptions>) {
    this.#o = options;
  }

  /**
   * The days the traveller locked stay as they are; every other day is planned again from fresh
   * candidates, as `POST …/itinerary/regenerate` does (stops with a memo or photo and must-visit
   * places kept, no place of a locked day used twice). No LLM ranking on this path.
   */
  async planAroundLockedDays(
    trip: Trip,
    current: ItineraryDocument,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<PlanAroundLockedDays> {
    await report('gathering_places', 10);
    const inputs = await loadPlanningInputs(this.#o.source, trip, current, trip.mustVisit ?? [], signal);
    // The planning runs when the job stores (on the document current then), so it is not reported as a
    // step here: the job goes from gathering to storing, and the planning is measured where it runs.
    return (latest) => {
      // A place the traveller added while the job gathered is not among its inputs: gather again.
      const unknown = latest.days.some((d) =>
        d.items.some((i) => i.place && !inputs.placeById.has(i.place.id)),
      );
      if (unknown) throw plannedAroundTooLate();
      return regeneratedDocument(inputs, trip, latest, {}).next;
    };
  }

  async generate(
    trip: Trip,
    options: JobOptions,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<Omit<ItineraryDocument, 'tripId' | 'jobId' | 'generatedAt'>> {
    const planTrip = planTripOf(trip);
    await report('gathering_places', 10);
    const gathered = await gatherCandidates(this.#o.source, planTrip, {}, signal);
    if (gathered.places.length === 0) {
      const searchFailed = gathered.warnings.some((w) => w.code === 'search_failed');
      // Every search failed: the providers are down, so let the queue retry. None failed: there is nothing there.
      throw searchFailed
        ? new AppError('upstream_unavailable', 'Place search failed', {
            detail: 'The map providers did not answer; retrying',
          })
        : new AppError('not_found', 'No places', {
            detail: 'No places were found near the accommodation',
            transient: false,
          });
    }

    const candidates = await withPinsAndAvoids(this.#o.source, trip, gathered.places, signal);

    await report('planning', 50);
    let ranking: string[] | undefined;
    let rankingReasons: Record<string, string> | undefined;
    let rankingStatus = 'not_used';
    if (options.useLlm && this.#o.ranker) {
      const ranked = await this.#o.ranker.rank(
        {
          members: planTrip.members,
          days: tripDates(trip.startDate, trip.endDate).length,
          language: trip.language,
          candidates,
        },
        signal,
      );
      rankingStatus = ranked.status;
      if (ranked.status === 'ok') {
        ranking = ranked.rankedIds;
        // Grounded: reasons only for ids that were among the candidates the ranker was given.
        const given = new Set(gathered.places.map((p) => p.id));
        rankingReasons = Object.fromEntries(Object.entries(ranked.reasons).filter(([id]) => given.has(id)));
      } else
        this.#o.logger.warn('LLM ranking unavailable; deterministic plan stands', { status: ranked.status });
    }
    // Must-visit places lead the ranking (their reasons say so) and the planner keeps them wherever they fit.
    const pins = trip.mustVisit ?? [];
    if (pins.length > 0) ranking = [...pins, ...(ranking ?? []).filter((id) => !pins.includes(id))];
    const plan = planItinerary({
      trip: planTrip,
      places: candidates,
      matrices: extendMatrices(gathered.matrices, planTrip.accommodation, candidates, gathered.places),
      ranking,
      ...(rankingReasons ? { rankingReasons } : {}),
      ...(pins.length > 0 ? { mustVisit: pins } : {}),
    });
    // Internal facts stay in logs and metrics; travellers get only the plan's own warnings.
    const internal = [
      ...plan.notes,
      ...gathered.warnings.map((w) => `${w.code}: ${w.message}`),
      ...plan.violations.map((v) => `violation: ${JSON.stringify(v)}`),
    ];
    if (internal.length > 0)
      this.#o.logger.info('itinerary planning notes', { tripId: trip.id, notes: internal });
    const planned = new Set(plan.days.flatMap((d) => d.items.flatMap((i) => (i.placeId ? [i.placeId] : []))));
    const unscheduled = pins
      .filter((id) => !planned.has(id))
      .map((id) => {
        const why = plan.dropped.find((d) => d.placeId === id);
        return {
          code: 'must_visit_unscheduled',
          placeId: id,
          message: `${why?.name ?? id} could not be scheduled: ${why?.reason ?? 'the map provider does not know this place'}`,
        };
      });

    await report('validating', 85);
    return {
      days: plan.days.map((day) => ({
        date: day.date,
        items: day.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          start: item.start,
          end: item.end,
          ...(item.place ? { place: item.place } : {}),
          ...(item.travel ? { travel: { ...item.travel } } : {}),
          ...(item.meal ? { meal: item.meal } : {}),
          ...(item.reason ? { reason: item.reason } : {}),
          ...(item.warnings ? { warnings: [...item.warnings] } : {}),
        })),
      })),
      warnings: [...plan.warnings.map((w) => ({ ...w })), ...unscheduled],
      dropped: plan.dropped.map((d) => {
        // Where and what the place is, so a reader in another language gets its localized name
        // (localizeItinerary), not a transliteration; never served as such.
        const place = d.placeId ? candidates.find((p) => p.id === d.placeId) : undefined;
        return { ...d, ...(place ? { location: place.location, address: place.address } : {}) };
      }),
      metrics: {
        ...plan.metrics,
        upstreamCalls: gathered.calls,
        estimatedCells: gathered.estimatedCells,
        searchRadiusMeters: gathered.searchRadiusMeters,
        violations: plan.violations.length,
        notes: internal.length,
        ranking: rankingStatus,
      },
      ...(this.#o.sampleData ? { notice: SAMPLE_NOTICE } : {}),
    };
  }
}

/**
 * Issue #14: the trip's avoided places and kinds leave the candidates; must-visit places that
 * gathering did not find are fetched by id and join them.
 */
async function withPinsAndAvoids(
  source: PlaceSource,
  trip: Trip,
  gathered: readonly Place[],
  signal: AbortSignal,
): Promise<Place[]> {
  const avoidIds = new Set(trip.avoid?.placeIds ?? []);
  const avoidKinds = new Set(trip.avoid?.kinds ?? []);
  const kept = gathered.filter((p) => !avoidIds.has(p.id) && !avoidKinds.has(p.category));
  const known = new Set(gathered.map((p) => p.id));
  const missing = (trip.mustVisit ?? []).filter((id) => !known.has(id));
  const fetched = await Promise.all(
    missing.map(async (id) => source.placeDetails(id, trip.language, signal).catch(() => undefined)),
  );
  return [...kept, ...fetched.filter((p): p is Place => p !== undefined)];
}

/** The gathered matrices re-indexed to `places` (a subset of the gathered ones plus pins, estimated). */
function extendMatrices(
  matrices: TravelMatrices,
  home: LatLng,
  places: readonly Place[],
  gathered: readonly Place[],
): TravelMatrices {
  const at = new Map(gathered.map((p, i) => [p.id, i + 1]));
  const points = [home, ...places.map((p) => p.location)];
  const source = [0, ...places.map((p) => at.get(p.id))];
  const result: TravelMatrices = {};
  for (const [mode, matrix] of Object.entries(matrices) as [TravelMode, MatrixCell[][]][]) {
    result[mode] = points.map((from, r) =>
      points.map((to, c) => {
        const [sr, sc] = [source[r], source[c]];
        return (
          (sr !== undefined && sc !== undefined ? matrix[sr]?.[sc] : undefined) ??
          estimateCell(from, to, mode)
        );
      }),
    );
  }
  return result;
}

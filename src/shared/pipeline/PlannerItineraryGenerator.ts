import type { PlaceRanker } from '../ai/PlaceRanker.js';
import { AppError } from '../errors/AppError.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { JobOptions } from '../jobs/Job.js';
import { gatherCandidates } from '../planner/gatherCandidates.js';
import type { PlaceSource } from '../planner/PlaceSource.js';
import { planItinerary } from '../planner/planItinerary.js';
import type { PlanTrip } from '../planner/planTypes.js';
import { tripDates } from '../planner/tripDates.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Trip } from '../trips/tripSchema.js';
import type { ItineraryGenerator, ProgressReporter } from './ItineraryGenerator.js';

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

  async generate(
    trip: Trip,
    options: JobOptions,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<Omit<ItineraryDocument, 'tripId' | 'jobId' | 'generatedAt'>> {
    const planTrip = toPlanTrip(trip);
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
          candidates: gathered.places,
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
    const plan = planItinerary({
      trip: planTrip,
      places: gathered.places,
      matrices: gathered.matrices,
      ranking,
      ...(rankingReasons ? { rankingReasons } : {}),
    });
    // Internal facts stay in logs and metrics; travellers get only the plan's own warnings.
    const internal = [
      ...plan.notes,
      ...gathered.warnings.map((w) => `${w.code}: ${w.message}`),
      ...plan.violations.map((v) => `violation: ${JSON.stringify(v)}`),
    ];
    if (internal.length > 0)
      this.#o.logger.info('itinerary planning notes', { tripId: trip.id, notes: internal });

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
      warnings: plan.warnings.map((w) => ({ ...w })),
      dropped: plan.dropped.map((d) => ({ ...d })),
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

function toPlanTrip(trip: Trip): PlanTrip {
  return {
    startDate: trip.startDate,
    endDate: trip.endDate,
    dailyStart: trip.dailyStart,
    dailyEnd: trip.dailyEnd,
    accommodation: trip.accommodation,
    transport: trip.transport,
    members: trip.members,
    language: trip.language,
    destination: trip.destination,
  };
}

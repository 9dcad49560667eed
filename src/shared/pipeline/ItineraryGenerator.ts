import { AppError } from '../errors/AppError.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { JobOptions, JobStep } from '../jobs/Job.js';
import type { Trip } from '../trips/tripSchema.js';

export type ProgressReporter = (step: JobStep, progress: number) => Promise<void>;

/** Plans every unlocked day of the itinerary it is given, keeping its locked days; pure. */
export type PlanAroundLockedDays = (current: ItineraryDocument) => ItineraryDocument;

/** Produces an itinerary for a trip: gather places, plan, validate. The worker does the storing. */
export interface ItineraryGenerator {
  generate(
    trip: Trip,
    options: JobOptions,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<Omit<ItineraryDocument, 'tripId' | 'jobId' | 'generatedAt'>>;
  /**
   * For a new job on an itinerary with locked days: gather fresh candidates once (with `current`'s
   * own places), then answer with a planner for whichever document is current when the job stores,
   * so a day locked or unlocked meanwhile is honoured too. Without it, a job plans every day afresh.
   */
  planAroundLockedDays?(
    trip: Trip,
    current: ItineraryDocument,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<PlanAroundLockedDays>;
}

/** Transient: the itinerary changed under the job in a way its plan cannot take in; retried afresh. */
export function plannedAroundTooLate(): AppError {
  return new AppError('conflict', 'Itinerary changed during generation', {
    detail: 'A day was locked, or a place added, while the job ran; planning again',
    transient: true,
  });
}

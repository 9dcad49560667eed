import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { JobOptions, JobStep } from '../jobs/Job.js';
import type { Trip } from '../trips/tripSchema.js';

export type ProgressReporter = (step: JobStep, progress: number) => Promise<void>;

/** Produces an itinerary for a trip: gather places, plan, validate. The worker does the storing. */
export interface ItineraryGenerator {
  generate(
    trip: Trip,
    options: JobOptions,
    report: ProgressReporter,
    signal: AbortSignal,
  ): Promise<Omit<ItineraryDocument, 'tripId' | 'jobId' | 'generatedAt'>>;
}

import type { AppContext } from '../../src/shared/app/AppContext.js';
import { buildAppParts, type BuildOptions } from '../../src/shared/app/buildAppContext.js';
import type { Environment } from '../../src/shared/config/readSettings.js';
import type { ItineraryStore } from '../../src/shared/itinerary/ItineraryStore.js';
import { JobService } from '../../src/shared/jobs/JobService.js';
import type { JobStore } from '../../src/shared/jobs/JobStore.js';
import type { ItineraryGenerator } from '../../src/shared/pipeline/ItineraryGenerator.js';
import { ItineraryWorker } from '../../src/shared/pipeline/ItineraryWorker.js';
import type { JobQueue } from '../../src/shared/queue/JobQueue.js';
import { instrumentGenerator } from '../../src/shared/telemetry/generatorTelemetry.js';
import type { TripStore } from '../../src/shared/trips/TripStore.js';

/**
 * Parts a test (or benchmark) puts in place of the built ones. They live here, not in the production
 * composition root: the test app is assembled from the parts `buildAppParts` answers.
 */
export interface TestSeams {
  /** Replace the itinerary generator. */
  generator?: ItineraryGenerator;
  /** Wrap the generator (e.g. to make one trip's job fail every time, or to time it). */
  wrapGenerator?: (generator: ItineraryGenerator) => ItineraryGenerator;
  /** Replace the queue jobs are submitted to (e.g. a failing queue). */
  jobQueue?: JobQueue;
  /** A crash seam between storing an itinerary and completing its job. */
  afterStore?: (jobId: string) => Promise<void>;
}

export type TestBuildOptions = BuildOptions & TestSeams;

/** The app with its stores in view, for tests that look beneath the services. */
export interface TestAppContext extends AppContext {
  readonly tripStore: TripStore;
  readonly jobStore: JobStore;
  readonly itineraryStore: ItineraryStore;
}

/** A real app context as production builds it, with the seams asked for put in place. */
export async function buildTestApp(
  env: Environment,
  options: Readonly<TestBuildOptions> = {},
): Promise<TestAppContext> {
  const { generator, wrapGenerator, jobQueue, afterStore, ...build } = options;
  const parts = await buildAppParts(env, build);
  const { app, stores, lifecycle } = parts;
  const deps = { trips: stores.trips, jobs: stores.jobs, lifecycle, logger: app.logger };
  const base = generator ?? parts.generator;
  const worker =
    generator || wrapGenerator || afterStore
      ? new ItineraryWorker({
          ...deps,
          itineraries: stores.itineraries,
          generator: instrumentGenerator(wrapGenerator ? wrapGenerator(base) : base),
          afterStore,
          photoBlobs: app.itineraryEditing.photoBlobs,
          versions: app.itineraryEditing.versions,
        })
      : app.worker;
  const jobs = jobQueue ? new JobService({ ...deps, queue: jobQueue, events: app.jobEvents }) : app.jobs;
  return {
    ...app,
    worker,
    jobs,
    jobQueue: jobQueue ?? app.jobQueue,
    tripStore: stores.trips,
    jobStore: stores.jobs,
    itineraryStore: stores.itineraries,
  };
}

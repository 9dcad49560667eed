import type { Redis } from 'ioredis';

import type { Authenticator } from '../auth/Authenticator.js';
import type { TieredCache } from '../cache/TieredCache.js';
import type { AppConfig } from '../config/AppConfig.js';
import type { HealthCheck } from '../health/HealthCheck.js';
import type { PlaceLocalizer } from '../i18n/PlaceLocalizer.js';
import type { ItineraryEditing } from '../itinerary/itineraryEditingFor.js';
import type { ItineraryService } from '../itinerary/ItineraryService.js';
import type { JobEventBus } from '../jobs/JobEventBus.js';
import type { JobService } from '../jobs/JobService.js';
import type { UserCallLimiter } from '../limits/UserCallLimiter.js';
import type { ItineraryWorker } from '../pipeline/ItineraryWorker.js';
import type { JobSweeper } from '../pipeline/JobSweeper.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import type { JobQueue } from '../queue/JobQueue.js';
import type { StorageClients } from '../store/storageClients.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Metrics } from '../telemetry/Metrics.js';
import type { TripService } from '../trips/TripService.js';
import type { PopularWarmer } from '../warmers/PopularWarmer.js';
import type { UpcomingTripVerifier } from '../warmers/UpcomingTripVerifier.js';

/**
 * Everything built once per process at cold start and shared by every invocation: config, clients,
 * caches, policies, services. Built by `buildAppContext` (the one composition module). Services only:
 * the stores beneath them stay inside the composition root, so every read goes through the service
 * (and its caches) that owns the data.
 */
export interface AppContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly authenticator: Authenticator;
  readonly healthChecks: readonly HealthCheck[];
  readonly storage: StorageClients;
  readonly redis?: Redis;
  readonly cache: TieredCache;
  readonly places: PlaceServices;
  /** Place names, addresses and hours in the reader's language (issue #13). */
  readonly localizer: PlaceLocalizer;
  readonly trips: TripService;
  readonly jobs: JobService;
  readonly jobEvents: JobEventBus;
  readonly jobQueue: JobQueue;
  readonly itineraries: ItineraryService;
  /** Edits, versions, photos and share links of itineraries. */
  readonly itineraryEditing: ItineraryEditing;
  readonly worker: ItineraryWorker;
  readonly jobSweeper: JobSweeper;
  readonly warmer: PopularWarmer;
  readonly verifier: UpcomingTripVerifier;
  /** Per-user upstream-call windows, shared across instances through Redis (issue #11). */
  readonly upstreamLimiter: UserCallLimiter;
  /** Release sockets, timers and connections (local host shutdown, tests). */
  close(): Promise<void>;
}

import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Redis } from 'ioredis';

import { Authenticator } from '../auth/Authenticator.js';
import { RedisCacheStore } from '../cache/CacheStore.js';
import { createEntraRedisConnection, createRedisConnection } from '../cache/redisConnection.js';
import { TieredCache } from '../cache/TieredCache.js';
import type { AppConfig } from '../config/AppConfig.js';
import { loadConfig, type LoadConfigOptions } from '../config/loadConfig.js';
import type { Environment } from '../config/readSettings.js';
import { dependencyHealthChecks } from '../health/dependencyHealthChecks.js';
import { createPlaceLocalizer } from '../i18n/createPlaceLocalizer.js';
import { AttachmentSigner } from '../itinerary/AttachmentSigner.js';
import { tripForgetter } from '../itinerary/forgetTrip.js';
import {
  createItineraryEditing,
  PHOTOS_CONTAINER,
  VERSIONS_CONTAINER,
} from '../itinerary/itineraryEditingFor.js';
import { ItineraryService } from '../itinerary/ItineraryService.js';
import { ItineraryStore } from '../itinerary/ItineraryStore.js';
import { ItineraryVersions } from '../itinerary/ItineraryVersions.js';
import { PhotoBlobs } from '../itinerary/photos/PhotoBlobs.js';
import { noJobEvents } from '../jobs/JobEventBus.js';
import { JobLifecycle } from '../jobs/JobLifecycle.js';
import { JobService } from '../jobs/JobService.js';
import { JobStore } from '../jobs/JobStore.js';
import { RedisJobEventBus } from '../jobs/RedisJobEventBus.js';
import { RedisUserCallLimiter } from '../limits/RedisUserCallLimiter.js';
import { MemoryUserCallLimiter } from '../limits/UserCallLimiter.js';
import { createItineraryGenerator } from '../pipeline/createItineraryGenerator.js';
import type { ItineraryGenerator } from '../pipeline/ItineraryGenerator.js';
import { ItineraryWorker } from '../pipeline/ItineraryWorker.js';
import { JobSweeper } from '../pipeline/JobSweeper.js';
import { createPlaceServices } from '../places/PlaceServices.js';
import { InMemorySearchRecorder, RedisSearchRecorder } from '../places/SearchRecorder.js';
import { createProviders } from '../providers/createProviders.js';
import { createUpstreamDispatchers } from '../providers/http/upstreamDispatchers.js';
import { createStorageClients } from '../store/storageClients.js';
import { instrumentGenerator } from '../telemetry/generatorTelemetry.js';
import { consoleLogger, type Logger } from '../telemetry/Logger.js';
import { Metrics } from '../telemetry/Metrics.js';
import { CursorSigner } from '../trips/CursorSigner.js';
import { TripService } from '../trips/TripService.js';
import { TripStore } from '../trips/TripStore.js';
import { PopularWarmer } from '../warmers/PopularWarmer.js';
import { LocalRunLock, RedisRunLock } from '../warmers/RunLock.js';
import { UpcomingTripVerifier } from '../warmers/UpcomingTripVerifier.js';
import type { AppContext } from './AppContext.js';
import { createJobQueues } from './createJobQueues.js';

export interface BuildOptions extends LoadConfigOptions {
  logger?: Logger;
  credential?: TokenCredential;
}

/** The stores beneath the services: they stay inside the composition root and the services it wires. */
export interface AppStores {
  readonly trips: TripStore;
  readonly jobs: JobStore;
  readonly itineraries: ItineraryStore;
}

/**
 * What `buildAppContext` wired, for callers that assemble a variant of the app from the same parts
 * (the test and benchmark helpers in test/support put a failing queue or a slow generator in place).
 */
export interface AppParts {
  readonly app: AppContext;
  readonly stores: AppStores;
  readonly lifecycle: JobLifecycle;
  /** The itinerary generator before telemetry wraps it. */
  readonly generator: ItineraryGenerator;
}

export const TABLES = { trips: 'trips', jobs: 'jobs' } as const;
export const CONTAINERS = { itineraries: 'itineraries', attachments: 'attachments' } as const;

/**
 * The composition root: config → credential → clients → caches → providers → services.
 * Everything here is built once per process and shared by all invocations.
 */
export async function buildAppContext(
  env: Environment,
  options: Readonly<BuildOptions> = {},
): Promise<AppContext> {
  return (await buildAppParts(env, options)).app;
}

/** `buildAppContext`, also answering the parts the context was wired from. */
export async function buildAppParts(
  env: Environment,
  options: Readonly<BuildOptions> = {},
): Promise<AppParts> {
  let config: AppConfig;
  try {
    config = await loadConfig(env, options);
  } catch (error) {
    // Cold start must say exactly what is wrong, once, loudly; the error lists names, never values.
    (options.logger ?? consoleLogger()).error('configuration invalid', { error: (error as Error).message });
    throw error;
  }
  const logger = options.logger ?? consoleLogger(config.logLevel, { app: 'tripgen' });
  const metrics = new Metrics();
  let credential: TokenCredential | undefined = options.credential;
  const getCredential = () =>
    (credential ??= new DefaultAzureCredential(
      config.azureClientId ? { managedIdentityClientId: config.azureClientId } : {},
    ));

  const storage = createStorageClients(config, getCredential);
  const redisUrl = config.secrets.get('REDIS_URL');
  const redis: Redis | undefined = !redisUrl
    ? undefined
    : config.cache.redisAuth === 'entra'
      ? await createEntraRedisConnection(redisUrl, getCredential(), logger)
      : createRedisConnection(redisUrl);
  redis?.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));

  const cache = new TieredCache({
    l1MaxEntries: config.cache.l1MaxEntries,
    l1TtlMs: config.cache.l1TtlSeconds * 1000,
    l2: redis ? new RedisCacheStore(redis) : undefined,
    metrics,
    logger,
  });
  const dispatchers = createUpstreamDispatchers();
  const places = createPlaceServices(
    createProviders(config, dispatchers),
    cache,
    redis ? new RedisSearchRecorder(redis) : new InMemorySearchRecorder(),
  );

  const tripStore = new TripStore(
    storage.table(TABLES.trips),
    new CursorSigner(() => config.secrets.get('CURSOR_SIGNING_KEY')),
  );
  const jobStore = new JobStore(storage.table(TABLES.jobs));
  const itineraryStore = new ItineraryStore(
    storage.blobs.getContainerClient(CONTAINERS.itineraries),
    redis,
    logger,
  );
  const signer = new AttachmentSigner(storage.blobs, CONTAINERS.attachments);
  const jobEvents = redis ? new RedisJobEventBus(redis, logger) : noJobEvents;
  const { serviceBus, jobQueue, deadLetters } = createJobQueues(config, storage, getCredential);

  const generator = createItineraryGenerator({ config, places, logger, getCredential });
  const lifecycle = new JobLifecycle(jobStore, jobEvents);
  const worker = new ItineraryWorker({
    trips: tripStore,
    jobs: jobStore,
    lifecycle,
    itineraries: itineraryStore,
    generator: instrumentGenerator(generator),
    logger,
    photoBlobs: new PhotoBlobs(storage.blobs, PHOTOS_CONTAINER),
    versions: new ItineraryVersions(storage.blobs.getContainerClient(VERSIONS_CONTAINER)),
  });

  const trips = new TripService({
    trips: tripStore,
    jobs: jobStore,
    itineraries: itineraryStore,
    attachments: signer,
    events: jobEvents,
    forget: tripForgetter(storage.blobs),
  });
  const runLock = redis ? new RedisRunLock(redis) : new LocalRunLock();
  const authenticator = new Authenticator({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    jwksUri: config.auth.mode === 'jwks' ? config.auth.jwksUri : undefined,
    localSecret: () => config.secrets.get('AUTH_LOCAL_SECRET'),
  });

  const itineraryEditing = createItineraryEditing({
    store: itineraryStore,
    trips,
    places,
    blobs: storage.blobs,
    attachmentMaxBytes: config.attachments.maxBytes,
    logger,
  });

  const app: AppContext = {
    config,
    logger,
    metrics,
    authenticator,
    healthChecks: dependencyHealthChecks({ config, storage, redis, serviceBus, getCredential }),
    storage,
    redis,
    cache,
    places,
    localizer: createPlaceLocalizer({ config, cache, places, metrics, logger, getCredential }),
    trips,
    jobs: new JobService({
      trips: tripStore,
      jobs: jobStore,
      lifecycle,
      queue: jobQueue,
      events: jobEvents,
      logger,
    }),
    jobEvents,
    jobQueue,
    itineraries: new ItineraryService(itineraryStore, signer),
    itineraryEditing,
    worker,
    jobSweeper: new JobSweeper({
      jobs: jobStore,
      lifecycle,
      queue: jobQueue,
      logger,
      poisonQueue:
        config.queue.backend === 'storage'
          ? storage.queues.getQueueClient(`${config.queue.name}-poison`)
          : undefined,
      deadLetters,
      finishDeletes: async (now) => trips.finishInterruptedDeletes(now),
    }),
    warmer: new PopularWarmer({ places, lock: runLock, config: config.warmers, logger }),
    verifier: new UpcomingTripVerifier({
      trips: tripStore,
      itineraries: itineraryStore,
      places,
      lock: runLock,
      logger,
      upstreamBudget: config.warmers.upstreamBudget,
      redis,
      // Issue #14: days with a place now closed are repaired, not only flagged.
      repair: async (ownerId, tripId, fresh) => itineraryEditing.editor.repairClosed(ownerId, tripId, fresh),
    }),
    upstreamLimiter: redis ? new RedisUserCallLimiter(redis, { logger }) : new MemoryUserCallLimiter(),
    async close() {
      config.secrets.stopAutoRefresh();
      await jobQueue.close().catch(() => undefined);
      await deadLetters?.close().catch(() => undefined);
      await serviceBus?.close().catch(() => undefined);
      await dispatchers.close().catch(() => undefined);
      await places.recorder.flush?.();
      if (jobEvents instanceof RedisJobEventBus) jobEvents.close();
      redis?.disconnect();
    },
  };
  return {
    app,
    stores: { trips: tripStore, jobs: jobStore, itineraries: itineraryStore },
    lifecycle,
    generator,
  };
}

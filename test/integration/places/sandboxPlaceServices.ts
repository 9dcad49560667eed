import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import type { CacheStore } from '../../../src/shared/cache/CacheStore.js';
import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { AppConfig } from '../../../src/shared/config/AppConfig.js';
import { loadConfig } from '../../../src/shared/config/loadConfig.js';
import { createPlaceServices, type PlaceServices } from '../../../src/shared/places/PlaceServices.js';
import { InMemorySearchRecorder } from '../../../src/shared/places/SearchRecorder.js';
import { createProviders } from '../../../src/shared/providers/createProviders.js';
import { createUpstreamDispatchers } from '../../../src/shared/providers/http/upstreamDispatchers.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { sandboxEnv } from '../../support/sandboxEnv.js';

export interface SandboxPlaceServicesOptions {
  /** The cache's clock (default `Date.now`, read at each call so fake timers apply). */
  now?: () => number;
  /** The shared tier (Redis in the tests that have it). */
  l2?: CacheStore;
  /** Extra settings, e.g. `PLACE_CALL_TIMEOUT_MS`. */
  env?: Record<string, string>;
}

export interface SandboxPlaceServices {
  config: AppConfig;
  places: PlaceServices;
  cache: TieredCache;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * The place services exactly as the composition root wires them (config → provider clients with
 * their policies → TieredCache → services), pointed at a running sandbox, with the cache's clock
 * and L2 chosen by the caller. Storage is never touched by these services, so its setting is a
 * placeholder that only satisfies config validation.
 */
export async function sandboxPlaceServices(
  sandbox: RunningSandbox,
  options: Readonly<SandboxPlaceServicesOptions> = {},
): Promise<SandboxPlaceServices> {
  const config = await loadConfig({
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    AUTH_LOCAL_SECRET: 'places-tests-do-not-authenticate',
    LOG_LEVEL: 'error',
    ...sandboxEnv(sandbox),
    ...options.env,
  });
  const metrics = new Metrics();
  const cache = new TieredCache({
    l1MaxEntries: config.cache.l1MaxEntries,
    l1TtlMs: config.cache.l1TtlSeconds * 1000,
    l2: options.l2,
    metrics,
    now: options.now ?? (() => Date.now()),
  });
  const dispatchers = createUpstreamDispatchers();
  const places = createPlaceServices(
    createProviders(config, dispatchers),
    cache,
    new InMemorySearchRecorder(),
  );
  return {
    config,
    places,
    cache,
    metrics,
    async close() {
      config.secrets.stopAutoRefresh();
      await dispatchers.close();
    },
  };
}

/**
 * A sandbox for the whole file and fresh place services for each test, with only `Date` faked from
 * `now` (a breaker reads `Date.now()` for its half-open delay; sockets and timeouts keep real time).
 * Faults and request counts are cleared before each test. Call inside `describe`; read `sandbox()`
 * and `services()` inside tests.
 */
export function useSandboxPlaceServices(now = new Date('2026-03-11T02:00:00Z')): {
  sandbox: () => RunningSandbox;
  services: () => SandboxPlaceServices;
} {
  let sandbox: RunningSandbox | undefined;
  let services: SandboxPlaceServices | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    sandbox!.faults.clear();
    sandbox!.stats.reset();
    services = await sandboxPlaceServices(sandbox!);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await services?.close();
  });
  return { sandbox: () => sandbox!, services: () => services! };
}

import { readdirSync } from 'node:fs';
import path from 'node:path';

import { createLocalHost, type LocalHost } from '../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../src/local/host/HostLogger.js';
import { ManualTimerScheduler } from '../../src/local/host/timer/ManualTimerScheduler.js';
import { type RunningSandbox, startSandbox } from '../../src/local/sandbox/startSandbox.js';
import type { AppContext } from '../../src/shared/app/AppContext.js';
import { setAppContext } from '../../src/shared/app/appContextHolder.js';
import { buildAppContext, type BuildOptions } from '../../src/shared/app/buildAppContext.js';
import { createLogger } from '../../src/shared/telemetry/Logger.js';
import { redisUrl } from './redisTest.js';
import { testEnv, tokenFor } from './testApp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The app's real function files (the same ones `func start` loads, as TypeScript under vitest). */
export function appFunctionFiles(): string[] {
  const dir = path.join(ROOT, 'src/functions');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

export interface LocalApp {
  url: string;
  app: AppContext;
  host: LocalHost;
  sandbox: RunningSandbox;
  logs: string[];
  /** fetch with a bearer token for `user`. */
  call(user: string, pathAndQuery: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface LocalAppOptions {
  env?: Record<string, string | undefined>;
  build?: Partial<BuildOptions>;
  withRedis?: boolean;
  /** host.json for the local host (default: the repo's). */
  hostJson?: Record<string, unknown>;
}

/**
 * The whole app as `npm start` runs it, in-process: the local host loading src/functions, a real
 * AppContext on the test Azurite, and the sandbox upstream over real HTTP. One per test file (function
 * files register once per process).
 */
export async function startLocalApp(options: LocalAppOptions = {}): Promise<LocalApp> {
  const sandbox = await startSandbox();
  const env = testEnv({
    KAKAO_REST_API_KEY: sandbox.kakaoKey,
    GOOGLE_MAPS_API_KEY: sandbox.googleKey,
    KAKAO_LOCAL_BASE_URL: sandbox.url,
    KAKAO_MOBILITY_BASE_URL: sandbox.url,
    GOOGLE_PLACES_BASE_URL: sandbox.url,
    GOOGLE_ROUTES_BASE_URL: sandbox.url,
    TRANSLATOR_ENDPOINT: sandbox.url,
    TRANSLATOR_KEY: sandbox.translatorKey,
    TRANSLATOR_REGION: 'sandbox',
    SANDBOX_UPSTREAM: 'true',
    ...(options.withRedis && redisUrl() ? { REDIS_URL: redisUrl() } : {}),
    ...options.env,
  });
  // Function files read a few settings at import time, exactly as under the real host.
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  const logs: string[] = [];
  const app = await buildAppContext(env, {
    logger: createLogger((_l, line) => logs.push(line), 'debug'),
    ...options.build,
  });
  setAppContext(app);
  const host = createLocalHost({
    functionFiles: appFunctionFiles(),
    cwd: ROOT,
    ...(options.hostJson ? { hostJson: options.hostJson } : {}),
    port: 0,
    env,
    logger: memoryHostLogger(),
    printFunctions: false,
    scheduler: new ManualTimerScheduler(new Date()),
    queuePollingMinIntervalMs: 50,
    serviceBus: () => undefined,
  });
  const { url } = await host.start();
  return {
    url,
    app,
    host,
    sandbox,
    logs,
    async call(user, pathAndQuery, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await tokenFor(user)}`);
      return fetch(`${url}${pathAndQuery}`, { ...init, headers });
    },
    async stop() {
      await host.stop();
      await app.close();
      await sandbox.close();
      setAppContext(undefined);
    },
  };
}

import { readdirSync } from 'node:fs';
import path from 'node:path';

import {
  createLocalHost,
  type LocalHost,
  type LocalHostOptions,
} from '../../../src/local/host/createLocalHost.js';
import { quietHostLogger } from '../../../src/local/host/HostLogger.js';
import { ManualTimerScheduler } from '../../../src/local/host/timer/ManualTimerScheduler.js';
import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { startAzurite } from '../../../src/local/services/azuriteProcess.js';
import { findRedisServer, startRedis } from '../../../src/local/services/redisProcess.js';
import { setAppContext } from '../../../src/shared/app/appContextHolder.js';
import { issueLocalToken } from '../../../src/shared/auth/issueLocalToken.js';
import { localSettingsValues } from '../../../src/shared/config/settingsDocs.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { buildTestApp, type TestAppContext, type TestSeams } from '../../support/buildTestApp.js';
import { sandboxEnv } from '../../support/sandboxEnv.js';
import { APP_ROOT as ROOT, CODE_EXT, CODE_ROOT } from '../codeRoot.js';

const SECRET = 'bench-secret-that-is-long-enough-0000000';

/** The app as `npm start` runs it (local host, Azurite, redis-server when installed, sandbox upstream). */
export interface BenchStack {
  url: string;
  token: string;
  app: TestAppContext;
  host: LocalHost;
  sandbox: RunningSandbox;
  azurite: { connectionString: string };
  redis?: { url: string };
  redisDescription: string;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  logLevel?: 'warn' | 'error';
  /** Seams for the app (e.g. a generator wrapped to inject failures). */
  build?: TestSeams;
  /** Local host options beyond the defaults (queue polling, host.json). */
  host?: Partial<LocalHostOptions>;
}

export async function startBenchStack(options: Readonly<BenchStackOptions> = {}): Promise<BenchStack> {
  const logLevel = options.logLevel ?? 'warn';
  const azurite = await startAzurite();
  const redisBinary = findRedisServer();
  const redis = redisBinary ? await startRedis(redisBinary) : undefined;
  const sandbox = await startSandbox();
  const env: Record<string, string> = {
    ...localSettingsValues(),
    APP_ENV: 'test',
    LOG_LEVEL: logLevel,
    AzureWebJobsStorage: azurite.connectionString,
    AUTH_LOCAL_SECRET: SECRET,
    ...sandboxEnv(sandbox),
    ...(redis ? { REDIS_URL: redis.url } : {}),
  };
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  const app = await buildTestApp(env, { logger: createLogger(() => {}, logLevel), ...options.build });
  setAppContext(app);
  const functionFiles = readdirSync(path.join(CODE_ROOT, 'src/functions'))
    .filter((f) => f.endsWith(CODE_EXT))
    .map((f) => path.join(CODE_ROOT, 'src/functions', f));
  const host = createLocalHost({
    functionFiles,
    cwd: ROOT,
    port: 0,
    env,
    logger: quietHostLogger(),
    printFunctions: false,
    scheduler: new ManualTimerScheduler(new Date()),
    serviceBus: () => undefined,
    ...options.host,
  });
  const { url } = await host.start();
  const token = await issueLocalToken({
    secret: SECRET,
    issuer: 'tripgen-local',
    audience: 'tripgen-api',
    userId: 'bench',
  });
  return {
    url,
    token,
    app,
    host,
    sandbox,
    azurite,
    redis,
    redisDescription: redis ? `redis-server on ${redis.url}` : 'NO redis-server (L1 only)',
    async stop() {
      await host.stop();
      await app.close();
      await sandbox.close();
      await redis?.stop();
      await azurite.stop();
    },
  };
}

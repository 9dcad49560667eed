import { readdirSync } from 'node:fs';
import path from 'node:path';

import { createLocalHost, type LocalHost } from '../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../src/local/host/HostLogger.js';
import { ManualTimerScheduler } from '../../src/local/host/timer/ManualTimerScheduler.js';
import { type RunningSandbox, startSandbox } from '../../src/local/sandbox/startSandbox.js';
import { setAppContext } from '../../src/shared/app/appContextHolder.js';
import { createLogger } from '../../src/shared/telemetry/Logger.js';
import { buildTestApp, type TestAppContext, type TestBuildOptions } from './buildTestApp.js';
import { redisUrl } from './redisTest.js';
import { checkResponse } from './restContract.js';
import { sandboxEnv } from './sandboxEnv.js';
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
  app: TestAppContext;
  host: LocalHost;
  sandbox: RunningSandbox;
  logs: string[];
  /** fetch with a bearer token for `user`. */
  call(user: string, pathAndQuery: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface LocalAppOptions {
  env?: Record<string, string | undefined>;
  build?: Partial<TestBuildOptions>;
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
    ...sandboxEnv(sandbox),
    ...(options.withRedis && redisUrl() ? { REDIS_URL: redisUrl() } : {}),
    ...options.env,
  });
  // Function files read a few settings at import time, exactly as under the real host.
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  const logs: string[] = [];
  const app = await buildTestApp(env, {
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
      const response = await fetch(`${url}${pathAndQuery}`, { ...init, headers });
      // Every REST response of the e2e suite is checked against openapi/openapi.json (MCP is JSON-RPC).
      if (!pathAndQuery.startsWith('/api/mcp')) {
        const violation = await checkResponse(init.method ?? 'GET', `${url}${pathAndQuery}`, response);
        if (violation) throw new Error(`REST contract: ${violation}`);
      }
      return response;
    },
    async stop() {
      await host.stop();
      await app.close();
      await sandbox.close();
      setAppContext(undefined);
    },
  };
}

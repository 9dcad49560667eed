/**
 * `npm start`: the local Functions host for machines without Azure Functions Core Tools.
 * Loads local.settings.json, makes sure Azurite runs, then serves the compiled function files named
 * by package.json `main` exactly as `func start` would load them.
 */
import path from 'node:path';

import { type BeforeLoadHook, createLocalHost } from './host/createLocalHost.js';
import { ensureLocalStorage } from './host/ensureLocalStorage.js';
import { consoleHostLogger } from './host/HostLogger.js';
import { loadLocalSettings } from './host/loadLocalSettings.js';
import { useSandboxUpstream } from './useSandboxUpstream.js';
import { useTelemetry } from './useTelemetry.js';

/**
 * Run after settings are loaded and before function files are imported. The sandbox upstream plugs
 * in here (start it, point the provider base URLs in process.env at it, register its stop with onStop).
 */
const BEFORE_LOAD: readonly BeforeLoadHook[] = [useTelemetry, useSandboxUpstream];

function portFrom(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  localHttpPort: number | undefined,
): number {
  const flag = argv.indexOf('--port');
  const candidates = [
    flag >= 0 ? argv[flag + 1] : undefined,
    env.PORT,
    env.FUNCTIONS_HTTPWORKER_PORT,
    localHttpPort?.toString(),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    const port = Number(candidate);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${candidate}"`);
    return port;
  }
  return 7071;
}

async function main(): Promise<void> {
  const cwd = process.cwd();
  const logger = consoleHostLogger({ debug: process.env.LOCAL_HOST_DEBUG === 'true' });

  const settings = loadLocalSettings(cwd, process.env);
  logger.info(
    settings.file
      ? `Loaded ${settings.applied.length} setting(s) from ${settings.file}.`
      : 'No local.settings.json found; using the environment only.',
  );

  const azurite = await ensureLocalStorage(process.env, logger, path.join(cwd, '.azurite'));
  const host = createLocalHost({
    cwd,
    port: portFrom(process.argv, process.env, settings.localHttpPort),
    hostname: process.env.LOCAL_HOST_BIND ?? '127.0.0.1',
    logger,
    beforeLoad: BEFORE_LOAD,
    cors: settings.cors,
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) {
      logger.warn(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    shuttingDown = true;
    logger.info(
      `${signal} received: stopping (waiting for in-flight invocations; press Ctrl+C again to force).`,
    );
    void (async () => {
      try {
        await host.stop();
      } finally {
        await azurite?.stop();
      }
      logger.info('Host stopped.');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await host.start();
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

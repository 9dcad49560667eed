import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { CoreHookContext } from './core/coreTypes.js';
import { installFunctionsCore } from './core/installFunctionsCore.js';
import type { FunctionDefinition } from './FunctionDefinition.js';
import { formatFunctionTable, type FunctionSummary } from './FunctionSummary.js';
import { consoleHostLogger, type HostLogger } from './HostLogger.js';
import { toHostSettings } from './HostSettings.js';
import { CorsPolicy, type CorsSettings } from './http/CorsPolicy.js';
import { HttpRouteTable } from './http/HttpRouteTable.js';
import { HttpTriggerServer } from './http/HttpTriggerServer.js';
import { FunctionInvoker, type InvocationOutcome } from './invocation/FunctionInvoker.js';
import { loadFunctionFiles } from './loadFunctionFiles.js';
import { type QueueListener, queueListenersFor } from './queueListenersFor.js';
import type { AppSettings } from './resolveAppSetting.js';
import { readPackageMain, resolveFunctionFiles } from './resolveFunctionFiles.js';
import { sdkServiceBusReceiverFactory } from './serviceBus/sdkServiceBusReceiverFactory.js';
import type { ServiceBusReceiverFactory } from './serviceBus/ServiceBusReceiverPort.js';
import { summarizeFunctions } from './summarizeFunctions.js';
import { cronerScheduler } from './timer/cronerScheduler.js';
import type { TimerScheduler } from './timer/TimerScheduler.js';
import { TimerTriggerRunner } from './timer/TimerTriggerRunner.js';

export interface BeforeLoadContext {
  /** The function app folder. */
  readonly cwd: string;
  readonly logger: HostLogger;
  /** Register cleanup for `stop()` (run last, in reverse order), e.g. stopping a sandbox server. */
  onStop(cleanup: () => Promise<void> | void): void;
}

/**
 * Runs after settings are loaded and before any function file is imported, e.g. to start the sandbox
 * upstream and point the provider base URLs in `process.env` at it (function files read settings at
 * import time).
 */
export type BeforeLoadHook = (context: BeforeLoadContext) => Promise<void> | void;

export interface LocalHostOptions {
  /** Function files to import; else the files that `mainGlob` (default: package.json `main`) names. */
  readonly functionFiles?: readonly string[];
  readonly mainGlob?: string;
  /** The function app folder: where package.json and host.json are. Default `process.cwd()`. */
  readonly cwd?: string;
  /** 7071 by default; 0 picks a free port. */
  readonly port?: number;
  readonly hostname?: string;
  /** Parsed host.json; default: `<cwd>/host.json` when present. */
  readonly hostJson?: Record<string, unknown>;
  /** App settings for connections and `%Setting%` expressions. Default `process.env`. */
  readonly env?: AppSettings;
  readonly logger?: HostLogger;
  /** Larger request bodies get 413 before the function runs. Default 1 MiB. */
  readonly maxRequestBodyBytes?: number;
  readonly scheduler?: TimerScheduler;
  readonly now?: () => Date;
  readonly serviceBus?: ServiceBusReceiverFactory;
  /** First back-off step of queue polling (the host uses 100 ms). */
  readonly queuePollingMinIntervalMs?: number;
  /** How long `stop()` waits for in-flight work before dropping it. Default 30 s. */
  readonly shutdownTimeoutMs?: number;
  readonly beforeLoad?: readonly BeforeLoadHook[];
  /** Print the functions table at start (default true). */
  readonly printFunctions?: boolean;
  /** `Host.CORS` from local.settings.json (see `loadLocalSettings`); default: no CORS headers. */
  readonly cors?: CorsSettings;
  /**
   * Record a span per invocation when an OpenTelemetry SDK is registered, as the Functions host does
   * in Azure (default true).
   */
  readonly invocationSpans?: boolean;
}

export interface LocalHost {
  /** Load the function files, start every trigger, and resolve with the HTTP base URL. */
  start(): Promise<{ url: string }>;
  /** Stop taking work, wait for in-flight invocations, run `appTerminate` hooks. Idempotent. */
  stop(): Promise<void>;
  functions(): FunctionSummary[];
  /** Invoke a timer-triggered function now, as if its schedule had come due. */
  fireTimer(name: string): Promise<InvocationOutcome>;
  /** Invocations currently running. */
  inFlight(): number;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function readHostJson(cwd: string): Record<string, unknown> {
  const file = path.join(cwd, 'host.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([work.then(() => true as const), timeout]);
  clearTimeout(timer);
  return done;
}

/**
 * A local stand-in for the Functions host + Node worker: it provides `@azure/functions-core`, loads
 * the compiled function files through the library's own `app.*` registrations, and serves their
 * HTTP, timer, Storage-queue and Service Bus triggers. Function files cannot tell it from `func start`.
 */
export function createLocalHost(options: Readonly<LocalHostOptions> = {}): LocalHost {
  // Installed now, before any function file is imported: the library caches a missing core module forever.
  const registry = installFunctionsCore();
  const cwd = options.cwd ?? process.cwd();
  const logger = options.logger ?? consoleHostLogger();
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const hostSettings = toHostSettings(options.hostJson ?? readHostJson(cwd));

  let definitions: FunctionDefinition[] = [];
  let invoker: FunctionInvoker | undefined;
  let routes: HttpRouteTable | undefined;
  let server: HttpTriggerServer | undefined;
  let timers: TimerTriggerRunner | undefined;
  let listeners: QueueListener[] = [];
  let baseUrl: URL | undefined;
  let stopping: Promise<void> | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];

  const runAppHooks = async (name: 'appStart' | 'appTerminate') => {
    const context: CoreHookContext = {
      hookData: {},
      appHookData: registry.appHookData,
      functionAppDirectory: cwd,
    };
    for (const hook of registry.hooks(name)) await hook(context);
  };

  const functions = (): FunctionSummary[] =>
    summarizeFunctions({ definitions, routes, timers, listeners, baseUrl });

  const stop = async (): Promise<void> => {
    stopping ??= (async () => {
      const graceMs = options.shutdownTimeoutMs ?? 30_000;
      timers?.stop();
      await Promise.all([server?.close(graceMs), ...listeners.map((l) => l.stop())]);
      if (invoker && !(await withTimeout(invoker.drain(), graceMs))) {
        logger.warn(`Stopped with ${invoker.inFlight} invocation(s) still running after ${graceMs} ms.`);
      }
      await runAppHooks('appTerminate');
      for (const cleanup of cleanups.reverse()) await cleanup();
      registry.setLogSink(undefined);
    })();
    await stopping;
  };

  const start = async (): Promise<{ url: string }> => {
    registry.setLogSink((level, _category, message) => {
      if (level === 'error' || level === 'critical') logger.error(message);
      else if (level === 'warning') logger.warn(message);
      else logger.debug(message);
    });
    try {
      const hookContext: BeforeLoadContext = {
        cwd,
        logger,
        onStop: (cleanup) => void cleanups.push(cleanup),
      };
      for (const hook of options.beforeLoad ?? []) await hook(hookContext);

      const files =
        options.functionFiles ?? resolveFunctionFiles(options.mainGlob ?? readPackageMain(cwd), cwd);
      definitions = await loadFunctionFiles(registry, files, logger);
      invoker = new FunctionInvoker({
        registry,
        logger,
        functionTimeoutMs: hostSettings.functionTimeoutMs,
        invocationSpans: options.invocationSpans,
      });
      routes = new HttpRouteTable(definitions, hostSettings.http.routePrefix);
      for (const d of definitions.filter((d) => d.kind === 'unsupported')) {
        logger.warn(
          `Function "${d.name}": ${d.trigger.type} is not supported by the local host; it will not run.`,
        );
      }
      for (const d of definitions) {
        for (const binding of [...d.options.extraInputs, ...d.options.extraOutputs]) {
          logger.warn(
            `Function "${d.name}": the ${binding.type} binding "${binding.name}" is not implemented by the local host.`,
          );
        }
      }

      await runAppHooks('appStart');
      timers = new TimerTriggerRunner({
        definitions,
        invoker,
        scheduler:
          options.scheduler ??
          cronerScheduler({ timezone: env.WEBSITE_TIME_ZONE?.includes('/') ? env.WEBSITE_TIME_ZONE : 'UTC' }),
        settings: env,
        logger,
        now,
      });
      listeners = queueListenersFor({
        definitions,
        invoker,
        logger,
        hostSettings,
        settings: env,
        serviceBus: options.serviceBus ?? sdkServiceBusReceiverFactory(env),
        minPollingIntervalMs: options.queuePollingMinIntervalMs,
      });
      server = new HttpTriggerServer({
        routes,
        invoker,
        logger,
        maxRequestBodyBytes: options.maxRequestBodyBytes ?? DEFAULT_MAX_BODY,
        cors: options.cors ? new CorsPolicy(options.cors) : undefined,
      });
      baseUrl = await server.listen(options.port ?? 7071, options.hostname);
      for (const listener of listeners) await listener.start();
      timers.start();
    } catch (error) {
      await stop();
      throw error;
    }

    if (options.printFunctions !== false) logger.info(formatFunctionTable(functions()));
    logger.info(`Host started: ${baseUrl.origin} (${definitions.length} function(s)).`);
    return { url: baseUrl.origin };
  };

  return {
    start,
    stop,
    functions,
    fireTimer: async (name) => {
      if (!timers) throw new Error('The host is not started');
      return timers.fire(name);
    },
    inFlight: () => invoker?.inFlight ?? 0,
  };
}

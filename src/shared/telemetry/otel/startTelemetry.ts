import { metrics, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { registerInstrumentations } from '@opentelemetry/instrumentation';

import { enableAzureSdkTracing } from './azureSdkTracing.js';
import { declareWorkerExports, registerFunctionsHook } from './functionsHook.js';
import { pipelinesFor, registerSdkProviders, type SdkPipelines } from './sdkProviders.js';
import { NO_METERS, undiciInstrumentation } from './undiciInstrumentation.js';

export type TelemetryMode = 'azure-monitor' | 'console' | 'otlp' | 'custom' | 'off';

export interface TelemetryOptions {
  /** Settings: `APPLICATIONINSIGHTS_CONNECTION_STRING`, `TELEMETRY_EXPORTER`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Tests and benchmarks: export here (e.g. in-memory exporters) instead of what `env` says. */
  pipelines?: Partial<SdkPipelines>;
  /** Register the Functions invocation hook (default true; benchmarks outside a host turn it off). */
  functionsHook?: boolean;
  serviceName?: string;
}

export interface TelemetryHandle {
  readonly mode: TelemetryMode;
  /** Flush what is buffered and unregister everything (tests start again with other exporters). */
  shutdown(): Promise<void>;
}

const STARTED = Symbol.for('tripgen.telemetry');
type GlobalWithTelemetry = typeof globalThis & { [STARTED]?: TelemetryHandle };

/**
 * Start OpenTelemetry once per process, before function files load: Azure Monitor (Application
 * Insights) when a connection string is set, else the console or OTLP when `TELEMETRY_EXPORTER` says
 * so, else nothing at all (the API stays a no-op). Later calls return the first handle.
 * Instruments outgoing HTTP (undici / fetch), the Azure SDKs and Functions invocations (each handler
 * runs in the trace context of the host's span for it, which the Functions host records in Azure and
 * the local host under `npm start`); Redis commands are traced by the connection itself
 * (`traceRedisCommands`).
 */
export async function startTelemetry(options: Readonly<TelemetryOptions>): Promise<TelemetryHandle> {
  const global = globalThis as GlobalWithTelemetry;
  const running = global[STARTED];
  if (running) return running;
  const handle = await start(options);
  if (handle.mode !== 'off') global[STARTED] = handle;
  return handle;
}

async function start(options: Readonly<TelemetryOptions>): Promise<TelemetryHandle> {
  const { env } = options;
  const serviceName = options.serviceName ?? env.OTEL_SERVICE_NAME ?? 'tripgen-functions';
  const exporter = env.TELEMETRY_EXPORTER ?? 'none';
  const connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  let mode: TelemetryMode;
  let shutdownSdk: () => Promise<void>;
  if (options.pipelines) {
    mode = 'custom';
    const { spanProcessors = [], metricReaders = [], logRecordProcessors = [] } = options.pipelines;
    shutdownSdk = registerSdkProviders(serviceName, {
      spanProcessors,
      metricReaders,
      logRecordProcessors,
    }).shutdown;
  } else if (connectionString) {
    mode = 'azure-monitor';
    // Loaded only here: the distro pulls in a large dependency tree nothing else needs.
    const { shutdownAzureMonitor, useAzureMonitor } = await import('@azure/monitor-opentelemetry');
    useAzureMonitor({
      azureMonitorExporterOptions: { connectionString },
      instrumentationOptions: {
        azureSdk: { enabled: true },
        http: { enabled: true },
        redis: { enabled: true },
        redis4: { enabled: true },
      },
    });
    shutdownSdk = shutdownAzureMonitor;
  } else if (exporter === 'console' || exporter === 'otlp') {
    mode = exporter;
    shutdownSdk = registerSdkProviders(serviceName, pipelinesFor(exporter)).shutdown;
  } else {
    return { mode: 'off', shutdown: async () => {} };
  }

  const unregister = registerInstrumentations({
    instrumentations: [undiciInstrumentation()],
    meterProvider: NO_METERS,
  });
  enableAzureSdkTracing();
  const hook = options.functionsHook === false ? undefined : registerFunctionsHook();
  // The worker's logs leave through its own exporter: the host must not relay them as well.
  if (hook && (mode === 'azure-monitor' || mode === 'otlp')) declareWorkerExports();
  return {
    mode,
    async shutdown() {
      hook?.dispose();
      unregister();
      await shutdownSdk();
      // The context manager stays: the request budget rides on it (`ensureAsyncContext`).
      for (const api of [trace, metrics, logs, propagation]) api.disable();
      delete (globalThis as GlobalWithTelemetry)[STARTED];
    },
  };
}

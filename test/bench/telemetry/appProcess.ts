/**
 * The app side of `npm run bench:telemetry`, in a process of its own: the local host serving
 * `src/functions/places.ts`, with telemetry on, off or only a second AsyncLocalStorage for the whole life of
 * the process, as in production, where it is started once before the function files load. (Starting
 * and stopping the SDK between rounds in one process made every ON round pay for a fresh SDK's JIT
 * warm-up, its CPU per request falling round after round.) The parent runs one
 * process per side and alternates rounds between them, so the machine's drift hits every side alike.
 * Only the app runs here: the load generator and the sandbox upstream live in the parent.
 *
 * Protocol (process IPC): this process says `{ listening }`, the parent sends `{ env, side }` once and
 * this process answers `{ url }` once serving; `{ cpu }` asks for the CPU time it has used so far,
 * `{ spans }` for how many spans it has exported (after a flush), `{ stop }` ends it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

import type { ExportResult } from '@opentelemetry/core';
import { BatchLogRecordProcessor, InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

import { createLocalHost } from '../../../src/local/host/createLocalHost.js';
import { quietHostLogger } from '../../../src/local/host/HostLogger.js';
import { setAppContext } from '../../../src/shared/app/appContextHolder.js';
import { buildAppContext } from '../../../src/shared/app/buildAppContext.js';
import { startTelemetry, type TelemetryHandle } from '../../../src/shared/telemetry/otel/startTelemetry.js';
import { APP_ROOT as ROOT, CODE_EXT, CODE_ROOT } from '../codeRoot.js';

/**
 * `off`: no SDK. `als`: no SDK, but a second AsyncLocalStorage in use (besides the context manager the
 * request budget rides on), a control.
 * `on`: telemetry as `npm start` runs it, the local host recording a SERVER span per invocation in
 * this process. `worker`: telemetry as a Function App worker in Azure runs it: the Functions host (a
 * process of its own there) records the request span, the worker joins its trace and records only
 * its own spans (upstream calls, Redis, jobs).
 */
export type BenchSide = 'off' | 'als' | 'on' | 'worker';
type Message =
  { env: Record<string, string>; side: BenchSide } | { cpu: true } | { spans: true } | { stop: true };

interface Running {
  handle: TelemetryHandle;
  spans: CountingSpanExporter;
  batch: BatchSpanProcessor;
}

/**
 * The in-memory exporter, counting each batch and then letting it go, as an exporter that ships
 * spans off the machine does. Kept, a round's thousands of spans would be garbage the app never makes
 * in production, and collecting that growing heap would show up in the p99 as telemetry overhead.
 */
class CountingSpanExporter extends InMemorySpanExporter {
  exported = 0;
  override export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    super.export(spans, (result) => {
      this.exported += this.getFinishedSpans().length;
      this.reset();
      done(result);
    });
  }
}

/**
 * The app's telemetry (undici instrumentation, Functions hook; invocation spans on the local host),
 * exporting to memory through batch processors, as the Azure Monitor distro does.
 */
async function telemetryOn(): Promise<Running> {
  const spans = new CountingSpanExporter();
  const batch = new BatchSpanProcessor(spans);
  const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const handle = await startTelemetry({
    env: {},
    pipelines: {
      spanProcessors: [batch],
      metricReaders: [new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 60_000 })],
      logRecordProcessors: [new BatchLogRecordProcessor({ exporter: new InMemoryLogRecordExporter() })],
    },
  });
  return { handle, spans, batch };
}

let running: Running | undefined;
let stopHost: (() => Promise<void>) | undefined;
const send = (message: object) => process.send!(message);

/**
 * The host first (it installs the Functions core `@azure/functions` binds to), then telemetry before
 * the function files load, as `npm start` orders them (`useTelemetry`).
 */
async function start(env: Record<string, string>, side: BenchSide): Promise<string> {
  const app = await buildAppContext(env);
  setAppContext(app);
  const host = createLocalHost({
    functionFiles: [path.join(CODE_ROOT, `src/functions/places${CODE_EXT}`)],
    cwd: ROOT,
    port: 0,
    env,
    // Not a logger that keeps lines: its growing heap would be collected on every side's time.
    logger: quietHostLogger(),
    printFunctions: false,
    // In Azure the Functions host, a process of its own, records the request span.
    invocationSpans: side !== 'worker',
    beforeLoad: [
      async () => {
        if (side === 'on' || side === 'worker') running = await telemetryOn();
        // On Node 20 an AsyncLocalStorage in use runs a hook on every promise the process creates.
        if (side === 'als') new AsyncLocalStorage().enterWith({});
      },
    ],
  });
  const { url } = await host.start();
  stopHost = async () => {
    await host.stop();
    await app.close();
    await running?.handle.shutdown();
  };
  return url;
}

process.on('message', (message: Message) => {
  void (async () => {
    if ('env' in message) {
      send({ url: await start(message.env, message.side) });
    } else if ('cpu' in message) {
      const { user, system } = process.cpuUsage();
      send({ cpuMs: (user + system) / 1000 });
    } else if ('spans' in message) {
      await running?.batch.forceFlush();
      send({ spans: running?.spans.exported ?? 0 });
    } else {
      await stopHost?.();
      process.exit(0);
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
// The parent gone (finished or crashed): nothing will ask this process anything again.
process.on('disconnect', () => process.exit(0));
send({ listening: true });

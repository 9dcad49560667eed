/**
 * The app side of `npm run bench:telemetry`, in a process of its own: the local host serving
 * `src/functions/places.ts`, with telemetry switched on and off between rounds on the parent's word.
 * Only the app runs here, as in production: the load generator and the sandbox upstream live in the
 * parent, so neither their work nor the context propagation OpenTelemetry turns on for every promise
 * in a process is charged to the app.
 *
 * Protocol (process IPC): this process says `{ listening }`, the parent sends `{ env }` once, then `{ side }` per round;
 * this process answers `{ url }` once started and `{ ready: true, spans }` after each switch (`spans`:
 * how many the previous ON round exported); `{ cpu }` asks for the CPU time it has used so far.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

import { BatchLogRecordProcessor, InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';

import { createLocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { setAppContext } from '../../../src/shared/app/appContextHolder.js';
import { buildAppContext } from '../../../src/shared/app/buildAppContext.js';
import { startTelemetry, type TelemetryHandle } from '../../../src/shared/telemetry/otel/startTelemetry.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** `als`: no SDK, but an AsyncLocalStorage in use, as the SDK's context manager has one. */
export type BenchSide = 'off' | 'als' | 'on';
type Message = { env: Record<string, string> } | { side: BenchSide } | { cpu: true } | { stop: true };

interface Running {
  handle: TelemetryHandle;
  spans: InMemorySpanExporter;
  batch: BatchSpanProcessor;
}

/**
 * Telemetry as `npm start` runs it (invocation spans, undici instrumentation), exporting to memory
 * through batch processors, as the Azure Monitor distro does. New exporters each time: shutting the
 * SDK down also stops its exporters.
 */
async function telemetryOn(): Promise<Running> {
  const spans = new InMemorySpanExporter();
  const batch = new BatchSpanProcessor(spans);
  const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const handle = await startTelemetry({
    env: {},
    invocationSpans: true,
    pipelines: {
      spanProcessors: [batch],
      metricReaders: [new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 60_000 })],
      logRecordProcessors: [new BatchLogRecordProcessor({ exporter: new InMemoryLogRecordExporter() })],
    },
  });
  return { handle, spans, batch };
}

async function telemetryOff(running: Running): Promise<number> {
  await running.batch.forceFlush();
  const exported = running.spans.getFinishedSpans().length;
  await running.handle.shutdown();
  return exported;
}

let running: Running | undefined;
let storage: AsyncLocalStorage<object> | undefined;
let stopHost: (() => Promise<void>) | undefined;
const send = (message: object) => process.send!(message);

process.on('message', (message: Message) => {
  void (async () => {
    if ('env' in message) {
      const app = await buildAppContext(message.env);
      setAppContext(app);
      const host = createLocalHost({
        functionFiles: [path.join(ROOT, 'src/functions/places.ts')],
        cwd: ROOT,
        port: 0,
        env: message.env,
        logger: memoryHostLogger(),
        printFunctions: false,
      });
      const { url } = await host.start();
      stopHost = async () => {
        await host.stop();
        await app.close();
      };
      send({ url });
    } else if ('side' in message) {
      const spans = running ? await telemetryOff(running) : 0;
      storage?.disable();
      storage = undefined;
      running = message.side === 'on' ? await telemetryOn() : undefined;
      if (message.side === 'als') {
        // On Node 20 an AsyncLocalStorage in use runs a hook on every promise the process creates.
        storage = new AsyncLocalStorage();
        storage.enterWith({});
      }
      send({ ready: true, spans });
    } else if ('cpu' in message) {
      const { user, system } = process.cpuUsage();
      send({ cpuMs: (user + system) / 1000 });
    } else {
      await stopHost?.();
      process.exit(0);
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
send({ listening: true });

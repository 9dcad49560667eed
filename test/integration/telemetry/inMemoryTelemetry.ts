import type { Attributes } from '@opentelemetry/api';
import {
  InMemoryLogRecordExporter,
  type ReadableLogRecord,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  type DataPoint,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { installFunctionsCore } from '../../../src/local/host/core/installFunctionsCore.js';
import { startTelemetry, type TelemetryHandle } from '../../../src/shared/telemetry/otel/startTelemetry.js';

export interface InMemoryTelemetry {
  readonly handle: TelemetryHandle;
  spans(): ReadableSpan[];
  logs(): ReadableLogRecord[];
  /** Data points of one metric collected now (cumulative). */
  points(metric: string): Promise<DataPoint<unknown>[]>;
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * The app's telemetry started as `npm start` starts it, exporting to memory (a local host started
 * after it records a span per invocation).
 * Call before the local host loads function files, so the Functions hook is registered first.
 */
export async function startInMemoryTelemetry(): Promise<InMemoryTelemetry> {
  installFunctionsCore();
  const spans = new InMemorySpanExporter();
  const logs = new InMemoryLogRecordExporter();
  const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Exports only when asked (forceFlush): a test reads metrics at the moment it chooses.
  const reader = new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 3_600_000 });
  const handle = await startTelemetry({
    env: {},
    pipelines: {
      spanProcessors: [new SimpleSpanProcessor(spans)],
      metricReaders: [reader],
      logRecordProcessors: [new SimpleLogRecordProcessor({ exporter: logs })],
    },
  });
  return {
    handle,
    spans: () => spans.getFinishedSpans(),
    logs: () => logs.getFinishedLogRecords(),
    async points(name) {
      metrics.reset();
      await reader.forceFlush();
      const last = metrics.getMetrics().at(-1);
      return (last?.scopeMetrics ?? [])
        .flatMap((s) => s.metrics)
        .filter((m) => m.descriptor.name === name)
        .flatMap((m) => m.dataPoints as DataPoint<unknown>[]);
    },
    reset() {
      spans.reset();
      logs.reset();
    },
    shutdown: () => handle.shutdown(),
  };
}

/** Spans whose attributes include all of `attrs`. */
export function withAttributes(spans: readonly ReadableSpan[], attrs: Attributes): ReadableSpan[] {
  return spans.filter((s) => Object.entries(attrs).every(([k, v]) => s.attributes[k] === v));
}

/** True when `child` descends from `ancestor` within `spans`. */
export function descendsFrom(
  spans: readonly ReadableSpan[],
  child: ReadableSpan,
  ancestor: ReadableSpan,
): boolean {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  let current: ReadableSpan | undefined = child;
  while (current?.parentSpanContext) {
    if (current.parentSpanContext.spanId === ancestor.spanContext().spanId) return true;
    current = byId.get(current.parentSpanContext.spanId);
  }
  return false;
}

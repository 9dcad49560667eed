import { metrics } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, type LogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  ConsoleMetricExporter,
  type IMetricReader,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** What to export to when no Application Insights connection string is set. */
export interface SdkPipelines {
  spanProcessors: SpanProcessor[];
  metricReaders: IMetricReader[];
  logRecordProcessors: LogRecordProcessor[];
}

/**
 * `console`: spans printed as they end, metrics every `intervalMs` (logs are already on the console).
 * `otlp`: all three signals to `OTEL_EXPORTER_OTLP_ENDPOINT` (the exporters read the standard
 * `OTEL_EXPORTER_OTLP_*` variables themselves).
 */
export function pipelinesFor(exporter: 'console' | 'otlp', intervalMs = 60_000): SdkPipelines {
  if (exporter === 'console') {
    return {
      spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
      metricReaders: [
        new PeriodicExportingMetricReader({
          exporter: new ConsoleMetricExporter(),
          exportIntervalMillis: intervalMs,
        }),
      ],
      logRecordProcessors: [],
    };
  }
  return {
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: intervalMs,
      }),
    ],
    logRecordProcessors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter() })],
  };
}

/**
 * Register the OpenTelemetry SDK's tracer (with the AsyncLocalStorage context manager and the W3C
 * propagator), meter and logger providers globally. Returns how to flush and shut them down.
 */
export function registerSdkProviders(
  serviceName: string,
  pipelines: Readonly<SdkPipelines>,
): { shutdown(): Promise<void> } {
  const resource = resourceFromAttributes({ 'service.name': serviceName });
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors: pipelines.spanProcessors });
  tracerProvider.register();
  const meterProvider = new MeterProvider({ resource, readers: pipelines.metricReaders });
  metrics.setGlobalMeterProvider(meterProvider);
  const loggerProvider = new LoggerProvider({ resource, processors: pipelines.logRecordProcessors });
  logs.setGlobalLoggerProvider(loggerProvider);
  return {
    async shutdown() {
      await Promise.allSettled([
        tracerProvider.shutdown(),
        meterProvider.shutdown(),
        loggerProvider.shutdown(),
      ]);
    },
  };
}

import { isSpanContextValid, trace } from '@opentelemetry/api';
import { type AnyValue, logs, SeverityNumber } from '@opentelemetry/api-logs';

import { INSTRUMENTATION_SCOPE } from './telemetryNames.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<Level, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/**
 * `trace_id` / `span_id` of the active span, for log lines read outside Application Insights. None
 * outside a trace, and none for the all-zero ids of the API's no-op spans (telemetry off).
 */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/**
 * One Logger record as an OpenTelemetry log record (a no-op until a LoggerProvider is registered). The
 * SDK stamps it with the active trace and span; `redact` has already been applied by the caller.
 */
export function emitLogRecord(level: Level, message: string, fields: Record<string, unknown>): void {
  const attributes: Record<string, AnyValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    attributes[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  logs.getLogger(INSTRUMENTATION_SCOPE).emit({
    eventName: typeof fields.event === 'string' ? fields.event : undefined,
    severityNumber: SEVERITY[level],
    severityText: level.toUpperCase(),
    body: message,
    attributes,
  });
}

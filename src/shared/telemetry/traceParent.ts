import { INVALID_SPANID, INVALID_TRACEID, type SpanContext } from '@opentelemetry/api';

/** A W3C `traceparent`: version, trace id, parent span id, flags (later versions may append fields). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-|$)/;

/**
 * The caller's span in a W3C `traceparent`, as a remote parent; undefined when there is none or it is
 * not valid: another format (upper-case hex included), version `ff`, or an all-zero id. Read directly
 * rather than through the global propagator (trace context plus baggage, behind a composite), which
 * does several times the work: it runs on every invocation.
 */
export function parseTraceParent(header: string | null | undefined): SpanContext | undefined {
  const match = header ? TRACEPARENT.exec(header) : null;
  if (!match || match[1] === 'ff') return undefined;
  // The pattern checked the hex digits already; what `isSpanContextValid` adds is the all-zero ids.
  const traceId = match[2]!;
  const spanId = match[3]!;
  if (traceId === INVALID_TRACEID || spanId === INVALID_SPANID) return undefined;
  return { traceId, spanId, traceFlags: parseInt(match[4]!, 16), isRemote: true };
}

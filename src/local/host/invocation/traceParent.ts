import { isSpanContextValid, type SpanContext } from '@opentelemetry/api';

import { randomHex } from './randomHex.js';

const TRACE_PARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;

/**
 * The caller's span in a W3C `traceparent` (as a remote parent), or undefined when there is none or
 * it is not valid: another format, version `ff`, or an all-zero id.
 */
export function parseTraceParent(incoming: string | null | undefined): SpanContext | undefined {
  const match = incoming ? TRACE_PARENT.exec(incoming.trim().toLowerCase()) : null;
  if (!match || match[1] === 'ff') return undefined;
  const parent: SpanContext = {
    traceId: match[2]!,
    spanId: match[3]!,
    traceFlags: parseInt(match[4]!, 16),
    isRemote: true,
  };
  return isSpanContextValid(parent) ? parent : undefined;
}

/**
 * A W3C `traceparent` for a new invocation: it continues the caller's trace when `incoming` is a
 * valid `traceparent` (as the host does for HTTP requests), else it starts a new trace.
 */
export function childTraceParent(incoming: string | null | undefined): {
  traceParent: string;
  traceId: string;
} {
  // One draw for both ids, from a pool: random bytes cost a call into OpenSSL each, on every request.
  const random = randomHex(24);
  const traceId = parseTraceParent(incoming)?.traceId ?? random.slice(16);
  const spanId = random.slice(0, 16);
  return { traceParent: `00-${traceId}-${spanId}-01`, traceId };
}

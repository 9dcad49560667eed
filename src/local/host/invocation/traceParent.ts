import { randomHex } from './randomHex.js';

/**
 * A W3C `traceparent` for a new invocation: it continues the caller's trace (`callerTraceId`, from a
 * valid incoming `traceparent`, as the host does for HTTP requests), else it starts a new trace.
 */
export function childTraceParent(callerTraceId: string | undefined): {
  traceParent: string;
  traceId: string;
} {
  // One draw for both ids, from a pool: random bytes cost a call into OpenSSL each, on every request.
  const random = randomHex(24);
  const traceId = callerTraceId ?? random.slice(16);
  const spanId = random.slice(0, 16);
  return { traceParent: `00-${traceId}-${spanId}-01`, traceId };
}

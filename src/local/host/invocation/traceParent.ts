import { randomHex } from './randomHex.js';

const TRACE_PARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;

/**
 * A W3C `traceparent` for a new invocation: it continues the caller's trace when `incoming` is a
 * valid `traceparent` (as the host does for HTTP requests), else it starts a new trace.
 */
export function childTraceParent(incoming: string | null | undefined): {
  traceParent: string;
  traceId: string;
} {
  const match = incoming ? TRACE_PARENT.exec(incoming.trim().toLowerCase()) : null;
  // One draw for both ids, from a pool: random bytes cost a call into OpenSSL each, on every request.
  const random = randomHex(24);
  const traceId = match?.[2] && !/^0+$/.test(match[2]) ? match[2] : random.slice(16);
  const spanId = random.slice(0, 16);
  return { traceParent: `00-${traceId}-${spanId}-01`, traceId };
}

import { type Context, isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';

/**
 * True within a sampled trace: a request, a job or a warmer run, whether its span records in this
 * process or is the Functions host's, which the invocation continues as a remote parent that records
 * nothing here (that is every HTTP invocation in Azure). False outside any trace (a queue poll,
 * start-up work) and in an unsampled one. Dependency spans (Redis commands, Azure SDK calls) are
 * recorded only within one: outside, each would begin a trace of its own.
 */
export function withinTrace(ctx: Context): boolean {
  const span = trace.getSpan(ctx);
  if (!span) return false;
  if (span.isRecording()) return true;
  const parent = span.spanContext();
  return (parent.traceFlags & TraceFlags.SAMPLED) !== 0 && isSpanContextValid(parent);
}

import type { InvocationContext } from '@azure/functions';

/** The W3C trace id of the invocation (from `traceparent`), else the invocation id. */
export function traceIdOf(context: InvocationContext): string {
  const parent = context.traceContext?.traceParent;
  const match = parent ? /^[\da-f]{2}-([\da-f]{32})-/.exec(parent) : null;
  return match?.[1] ?? context.invocationId;
}

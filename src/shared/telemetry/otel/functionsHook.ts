import { app, type PreInvocationContext } from '@azure/functions';
import {
  type Context,
  context,
  INVALID_SPANID,
  INVALID_TRACEID,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

import { INSTRUMENTATION_SCOPE } from '../telemetryNames.js';

const KIND_BY_TRIGGER: Record<string, SpanKind> = {
  httpTrigger: SpanKind.SERVER,
  queueTrigger: SpanKind.CONSUMER,
  serviceBusTrigger: SpanKind.CONSUMER,
};

/** A W3C `traceparent`: version, trace id, parent span id, flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-|$)/;

/**
 * The trace context the host gave this invocation (`traceparent` of the request it is serving). The
 * host always sends a W3C `traceparent`, read here directly: it is on every invocation's path, and
 * the global propagator (trace context plus baggage, behind a composite) does several times the work.
 * A `tracestate` goes through that propagator, which knows how to parse it.
 */
export function hostContext(invocation: PreInvocationContext['invocationContext']): Context {
  const traceContext = invocation.traceContext;
  const traceParent = traceContext?.traceParent;
  if (!traceParent) return context.active();
  if (traceContext.traceState)
    return propagation.extract(ROOT_CONTEXT, {
      traceparent: traceParent,
      tracestate: traceContext.traceState,
    });
  const match = TRACEPARENT.exec(traceParent);
  if (!match || match[1] === 'ff') return context.active();
  // The pattern checked the hex digits already; what `isSpanContextValid` adds is the all-zero ids.
  const traceId = match[2]!;
  const spanId = match[3]!;
  if (traceId === INVALID_TRACEID || spanId === INVALID_SPANID) return context.active();
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: parseInt(match[4]!, 16),
    isRemote: true,
  });
}

function endWithError(span: Span, error: unknown): never {
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
  span.end();
  throw error;
}

/**
 * Run every function handler inside the host's trace context, so its spans join the host's request.
 * This is what `@azure/functions-opentelemetry-instrumentation` does, registered directly: that
 * package patches `@azure/functions` through require hooks, which this app's ES module imports bypass.
 *
 * With `invocationSpans` (the local host, which plays the Functions host's part) each invocation also
 * gets the span the Functions host records in Azure: SERVER for HTTP, CONSUMER for queue messages.
 * The wrapper is a plain function chaining on the handler's promise (no `async` frame of its own): it
 * runs on every invocation.
 */
export function registerFunctionsHook(options: { invocationSpans: boolean }): { dispose(): void } {
  return app.hook.preInvocation((pre) => {
    const invocation = pre.invocationContext;
    const parent = hostContext(invocation);
    const handler = pre.functionHandler as (...a: unknown[]) => unknown;
    if (!options.invocationSpans) {
      // What `context.bind` makes, without the `Object.defineProperty` of `length` it adds per call.
      pre.functionHandler = (...args: unknown[]) => context.with(parent, handler, undefined, ...args);
      return;
    }
    const trigger = invocation.options.trigger.type;
    pre.functionHandler = (...args: unknown[]) => {
      const span = trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(
        invocation.functionName,
        {
          kind: KIND_BY_TRIGGER[trigger] ?? SpanKind.INTERNAL,
          attributes: { 'faas.trigger': trigger, 'faas.invocation_id': invocation.invocationId },
        },
        parent,
      );
      let result: unknown;
      try {
        result = context.with(trace.setSpan(parent, span), handler, undefined, ...args);
      } catch (error) {
        endWithError(span, error);
      }
      return Promise.resolve(result).then(
        (value: unknown) => {
          if (trigger === 'httpTrigger') {
            const status = (value as { status?: number } | undefined)?.status ?? 200;
            span.setAttribute('http.response.status_code', status);
            if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          }
          span.end();
          return value;
        },
        (error: unknown) => endWithError(span, error),
      );
    };
  });
}

/**
 * Tell the Functions host that this worker exports its own logs (to Application Insights or OTLP).
 * With `"telemetryMode": "OpenTelemetry"` in host.json the host then stops relaying the worker's log
 * lines (category `Function.*`), which would otherwise reach Application Insights a second time.
 * Only possible while the app starts up (before `@azure/functions` locks its setup).
 */
export function declareWorkerExports(): void {
  app.setup({ capabilities: { WorkerOpenTelemetryEnabled: true } });
}

import { app, type PreInvocationContext } from '@azure/functions';
import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
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

/** The trace context the host gave this invocation (`traceparent` of the request it is serving). */
function hostContext(invocation: PreInvocationContext['invocationContext']): Context {
  const traceContext = invocation.traceContext;
  if (!traceContext?.traceParent) return context.active();
  return propagation.extract(ROOT_CONTEXT, {
    traceparent: traceContext.traceParent,
    tracestate: traceContext.traceState ?? '',
  });
}

/**
 * Run every function handler inside the host's trace context, so its spans join the host's request.
 * This is what `@azure/functions-opentelemetry-instrumentation` does, registered directly: that
 * package patches `@azure/functions` through require hooks, which this app's ES module imports bypass.
 *
 * With `invocationSpans` (the local host, which plays the Functions host's part) each invocation also
 * gets the span the Functions host records in Azure: SERVER for HTTP, CONSUMER for queue messages.
 */
export function registerFunctionsHook(options: { invocationSpans: boolean }): { dispose(): void } {
  return app.hook.preInvocation((pre) => {
    const invocation = pre.invocationContext;
    const parent = hostContext(invocation);
    const handler = pre.functionHandler;
    if (!options.invocationSpans) {
      pre.functionHandler = context.bind(parent, handler);
      return;
    }
    const trigger = invocation.options.trigger.type;
    pre.functionHandler = async (...args: unknown[]) => {
      const span = trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(
        invocation.functionName,
        {
          kind: KIND_BY_TRIGGER[trigger] ?? SpanKind.INTERNAL,
          attributes: { 'faas.trigger': trigger, 'faas.invocation_id': invocation.invocationId },
        },
        parent,
      );
      try {
        const result: unknown = await context.with(trace.setSpan(parent, span), () =>
          (handler as (...a: unknown[]) => unknown)(...args),
        );
        if (trigger === 'httpTrigger') {
          const status = (result as { status?: number } | undefined)?.status ?? 200;
          span.setAttribute('http.response.status_code', status);
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        }
        return result;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
        throw error;
      } finally {
        span.end();
      }
    };
  });
}

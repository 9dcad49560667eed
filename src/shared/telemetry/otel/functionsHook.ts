import { app, type PreInvocationContext } from '@azure/functions';
import { type Context, context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';

import { parseTraceParent } from '../traceParent.js';

/**
 * The trace context the host gave this invocation (`traceparent` of the request it is serving). The
 * host always sends a W3C `traceparent`, read directly (`parseTraceParent`); a `tracestate` goes
 * through the global propagator, which knows how to parse it.
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
  const parent = parseTraceParent(traceParent);
  return parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : context.active();
}

/**
 * Run every function handler inside the host's trace context, so its spans join the host's span for
 * the invocation (the request span of an HTTP call), recorded by the Functions host in Azure and by
 * the local host under `npm start`. This is what `@azure/functions-opentelemetry-instrumentation`
 * does, registered directly: that package patches `@azure/functions` through require hooks, which
 * this app's ES module imports bypass. The wrapper is what `context.bind` makes, without the
 * `Object.defineProperty` of `length` it adds per call: it runs on every invocation.
 */
export function registerFunctionsHook(): { dispose(): void } {
  return app.hook.preInvocation((pre) => {
    const parent = hostContext(pre.invocationContext);
    const handler = pre.functionHandler as (...a: unknown[]) => unknown;
    pre.functionHandler = (...args: unknown[]) => context.with(parent, handler, undefined, ...args);
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

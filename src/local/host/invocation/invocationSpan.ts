import {
  type Attributes,
  isSpanContextValid,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Tracer,
} from '@opentelemetry/api';

import { parseTraceParent } from '../../../shared/telemetry/traceParent.js';
import { childTraceParent } from './traceParent.js';

/** The instrumentation scope of the host's own spans, as the Functions host names its spans' source. */
const HOST_SCOPE = 'tripgen-local-host';

const KIND_BY_TRIGGER: Record<string, SpanKind> = {
  httpTrigger: SpanKind.SERVER,
  queueTrigger: SpanKind.CONSUMER,
  serviceBusTrigger: SpanKind.CONSUMER,
};

/**
 * The SDK's tracer for the host's spans, or undefined when no SDK is registered: the API's no-op
 * tracer would still cost a proxy and a span object on every invocation.
 */
function registeredTracer(): Tracer | undefined {
  const provider = trace.getTracerProvider();
  return provider instanceof ProxyTracerProvider
    ? provider.getDelegateTracer(HOST_SCOPE)
    : provider.getTracer(HOST_SCOPE);
}

/** Which invocation a span stands for: its function, trigger binding type and id. */
export interface InvocationSpanInfo {
  readonly functionName: string;
  readonly triggerType: string;
  readonly invocationId: string;
  readonly attributes?: Attributes;
}

/**
 * The span the Functions host records for one invocation (SERVER for HTTP, CONSUMER for queue
 * messages, INTERNAL otherwise), and the `traceparent` it hands the worker: the span's own, so what
 * the function does joins it, as the app's spans join the host's request span in Azure (a span the
 * sampler dropped records nothing and hands on its unsampled context). With no OpenTelemetry SDK
 * registered in the process the API's tracer records nothing; the invocation then gets a fresh child
 * `traceparent` of the caller's.
 */
export class InvocationSpan {
  readonly traceParent: string;
  readonly traceId: string;
  readonly #span: Span | undefined;
  #ended = false;

  constructor(info: InvocationSpanInfo, incoming: string | null | undefined, record = true) {
    const caller = parseTraceParent(incoming);
    const tracer = record ? registeredTracer() : undefined;
    const span = tracer ? InvocationSpan.#start(tracer, info, caller) : undefined;
    const own = span?.spanContext();
    if (own && isSpanContextValid(own) && own.spanId !== caller?.spanId) {
      // The SDK made a span of its own: recorded, or sampled out (then it records nothing and the
      // function gets its unsampled context, so nothing under it records either, as in Azure).
      this.#span = span!.isRecording() ? span : undefined;
      this.traceId = own.traceId;
      this.traceParent = `00-${own.traceId}-${own.spanId}-${own.traceFlags & TraceFlags.SAMPLED ? '01' : '00'}`;
    } else {
      // No SDK (or the host's spans are off).
      ({ traceParent: this.traceParent, traceId: this.traceId } = childTraceParent(caller?.traceId));
    }
  }

  static #start(tracer: Tracer, info: InvocationSpanInfo, caller: SpanContext | undefined): Span {
    return tracer.startSpan(
      info.functionName,
      {
        kind: KIND_BY_TRIGGER[info.triggerType] ?? SpanKind.INTERNAL,
        attributes: {
          'faas.trigger': info.triggerType,
          'faas.invocation_id': info.invocationId,
          ...info.attributes,
        },
      },
      caller ? trace.setSpanContext(ROOT_CONTEXT, caller) : ROOT_CONTEXT,
    );
  }

  /**
   * End the span once: an error status when the function failed (`error`) or an HTTP answer was a
   * 5xx, the status code on HTTP spans. Later calls do nothing.
   */
  end(result: { readonly failed?: boolean; readonly httpStatus?: number }): void {
    if (this.#ended) return;
    this.#ended = true;
    const span = this.#span;
    if (!span) return;
    if (result.httpStatus !== undefined) span.setAttribute('http.response.status_code', result.httpStatus);
    if (result.failed || (result.httpStatus ?? 0) >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
}

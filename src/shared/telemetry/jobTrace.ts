import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

import { instruments } from './instruments.js';
import { ATTR, INSTRUMENTATION_SCOPE } from './telemetryNames.js';

/** W3C `traceparent` (and `tracestate`) of the active span, to travel with a queue message. */
export function traceCarrier(): { traceparent?: string; tracestate?: string } {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** What the queue trigger knows about a delivery (Service Bus or Storage queue trigger metadata). */
export interface JobDeliveryMetadata {
  applicationProperties?: unknown;
  enqueuedTimeUtc?: unknown;
  insertionTime?: unknown;
}

/** The trace context of the request that queued the job: Service Bus properties, else the body. */
function queuedBy(body: unknown, meta: JobDeliveryMetadata | undefined): Context | undefined {
  const fromProperties = meta?.applicationProperties as Record<string, unknown> | undefined;
  const carrier = typeof fromProperties?.traceparent === 'string' ? fromProperties : body;
  const traceparent = (carrier as { traceparent?: unknown } | undefined)?.traceparent;
  if (typeof traceparent !== 'string') return undefined;
  const tracestate = (carrier as { tracestate?: unknown }).tracestate;
  return propagation.extract(ROOT_CONTEXT, {
    traceparent,
    ...(typeof tracestate === 'string' ? { tracestate } : {}),
  });
}

function enqueuedAt(meta: JobDeliveryMetadata | undefined): number | undefined {
  const raw = meta?.enqueuedTimeUtc ?? meta?.insertionTime;
  const at = typeof raw === 'string' || raw instanceof Date ? new Date(raw).getTime() : NaN;
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Process one job delivery in the trace of the HTTP request that created the job: a CONSUMER span
 * whose parent is the message's `traceparent`, linked to the invocation's own trace. Records
 * `queue_wait_time`, `job_duration` (step `total`) and `job_outcomes` (`retry` when it throws).
 */
export async function traceJobDelivery<T extends string>(
  body: unknown,
  meta: JobDeliveryMetadata | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const invocation = trace.getSpan(context.active())?.spanContext();
  const parent = queuedBy(body, meta) ?? context.active();
  const ids = body as { jobId?: unknown; tripId?: unknown } | undefined;
  const span = trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(
    'itinerary-job process',
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        ...(typeof ids?.jobId === 'string' ? { [ATTR.jobId]: ids.jobId } : {}),
        ...(typeof ids?.tripId === 'string' ? { [ATTR.tripId]: ids.tripId } : {}),
      },
      links: invocation && parent !== context.active() ? [{ context: invocation }] : [],
    },
    parent,
  );
  const metrics = instruments();
  const queued = enqueuedAt(meta);
  if (queued !== undefined) metrics.queueWaitTime.record(Math.max(0, Date.now() - queued));
  const started = performance.now();
  let outcome = 'retry';
  try {
    outcome = await context.with(trace.setSpan(parent, span), work);
    return outcome as T;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string })?.code ?? 'error' });
    throw error;
  } finally {
    span.setAttribute(ATTR.outcome, outcome);
    span.end();
    metrics.jobOutcomes.add(1, { outcome });
    metrics.jobDuration.record(performance.now() - started, { step: 'total', outcome });
  }
}

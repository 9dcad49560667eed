import {
  type Attributes,
  context,
  createContextKey,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

import { instruments } from './instruments.js';
import { ATTR, INSTRUMENTATION_SCOPE } from './telemetryNames.js';

/** Which upstream operation a call is, e.g. provider `kakao`, operation `kakao.search`. */
export interface UpstreamCallInfo {
  readonly provider: string;
  readonly operation: string;
  /**
   * Its HTTP tries report themselves on the call's span (`recordHttpTry`), so they get no HTTP span
   * of their own and send no trace context to the provider. Without it (e.g. a vendor SDK making the
   * request), each try is an HTTP span of the undici instrumentation under the call's span.
   */
  readonly recordsHttp?: boolean;
}

/** Why the upstream was called: a cache miss, a warmer's refresh, or no cache in front of it. */
export type UpstreamCacheOutcome = 'miss' | 'refresh' | 'none';

const CALL = createContextKey('tripgen.upstream_call');
const CACHE_OUTCOME = createContextKey('tripgen.cache_outcome');

/** Run `load` (which calls an upstream) marked with the cache outcome that made it necessary. */
export async function withCacheOutcome<T>(outcome: UpstreamCacheOutcome, load: () => Promise<T>): Promise<T> {
  return context.with(context.active().setValue(CACHE_OUTCOME, outcome), load);
}

/** One HTTP try of an upstream call: what `recordHttpTry` reported. */
interface HttpTry {
  readonly method: string;
  readonly url: URL;
  /** Undefined when no answer came (a timeout, a refused connection). */
  readonly status: number | undefined;
}

/** A traced upstream call in progress, as its context carries it. */
interface RunningCall {
  readonly info: UpstreamCallInfo;
  lastTry?: HttpTry;
}

/** The upstream call running in the current context, if any (read by the HTTP client hooks). */
export function currentUpstreamCall(): UpstreamCallInfo | undefined {
  return (context.active().getValue(CALL) as RunningCall | undefined)?.info;
}

/**
 * Report one HTTP try of the current upstream call; the call's span gets the last try's facts when it
 * ends. A no-op outside a recorded call.
 */
export function recordHttpTry(method: string, url: URL, status: number | undefined): void {
  const active = context.active();
  const running = active.getValue(CALL) as RunningCall | undefined;
  if (running && trace.getSpan(active)?.isRecording()) running.lastTry = { method, url, status };
}

/**
 * A try's span attributes: method, URL without its query (place searches carry what a user typed
 * there), server, and the status code when an answer came.
 */
function httpTryAttributes({ method, url, status }: HttpTry): Attributes {
  const attributes: Attributes = {
    'http.request.method': method,
    'url.full': url.origin + url.pathname,
    'server.address': url.hostname,
    'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
  if (status !== undefined) attributes['http.response.status_code'] = status;
  return attributes;
}

/** Span and metric attributes of one upstream operation, built once per operation and reused. */
interface BoundCall {
  readonly spanAttributes: Record<UpstreamCacheOutcome, Attributes>;
  readonly dims: Attributes;
  /** `upstream_calls` attributes per outcome (`ok` or an error code), each built once. */
  readonly outcomeDims: Map<string, Attributes>;
}

const bound = new Map<string, BoundCall>();

function bind(info: UpstreamCallInfo): BoundCall {
  const key = `${info.provider} ${info.operation}`;
  let call = bound.get(key);
  if (!call) {
    const span = (cacheOutcome: UpstreamCacheOutcome): Attributes => ({
      [ATTR.provider]: info.provider,
      [ATTR.operation]: info.operation,
      [ATTR.peerService]: info.provider,
      [ATTR.cacheOutcome]: cacheOutcome,
    });
    const dims = { provider: info.provider, endpoint: info.operation };
    call = {
      spanAttributes: { miss: span('miss'), refresh: span('refresh'), none: span('none') },
      dims,
      outcomeDims: new Map([['ok', { ...dims, outcome: 'ok' }]]),
    };
    bound.set(key, call);
  }
  return call;
}

/** The stable error code of an AppError-like throw, else its class name. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * One upstream operation as a CLIENT span plus its metrics: `external_api_latency` (provider,
 * endpoint), `upstream_calls` and `upstream_failures`. `run` receives `attempt`, to be called once per
 * try, so the span carries the retry count. The span holds names and codes only: never a key, a URL
 * query or a request body. The HTTP facts of the last try are on it when the tries report themselves
 * (`recordsHttp`, `recordHttpTry`); otherwise each try is an HTTP span under it (undici
 * instrumentation).
 */
export async function traceUpstreamCall<T>(
  info: UpstreamCallInfo,
  run: (attempt: () => void) => Promise<T>,
): Promise<T> {
  const parent = context.active();
  const cacheOutcome = (parent.getValue(CACHE_OUTCOME) as UpstreamCacheOutcome | undefined) ?? 'none';
  const call = bind(info);
  const span = trace
    .getTracer(INSTRUMENTATION_SCOPE)
    .startSpan(
      info.operation,
      { kind: SpanKind.CLIENT, attributes: call.spanAttributes[cacheOutcome] },
      parent,
    );
  const metrics = instruments();
  let attempts = 0;
  const started = performance.now();
  let outcome = 'ok';
  const running: RunningCall = { info };
  try {
    return await context.with(trace.setSpan(parent.setValue(CALL, running), span), () =>
      run(() => void attempts++),
    );
  } catch (error) {
    outcome = errorCode(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    span.setAttribute(ATTR.errorType, outcome);
    metrics.upstreamFailures.add(1, { ...call.dims, code: outcome });
    throw error;
  } finally {
    if (running.lastTry) span.setAttributes(httpTryAttributes(running.lastTry));
    span.setAttribute(ATTR.retryCount, Math.max(0, attempts - 1));
    span.setAttribute(ATTR.outcome, outcome);
    span.end();
    let dims = call.outcomeDims.get(outcome);
    if (!dims) call.outcomeDims.set(outcome, (dims = { ...call.dims, outcome }));
    metrics.upstreamCallTallies.set(dims, (metrics.upstreamCallTallies.get(dims) ?? 0) + 1);
    metrics.externalApiLatency.record(performance.now() - started, call.dims);
  }
}

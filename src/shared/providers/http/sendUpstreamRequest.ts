import { type Dispatcher, request } from 'undici';

import { recordHttpTry } from '../../telemetry/upstreamCall.js';
import { networkErrorToAppError } from './networkErrorToAppError.js';
import type { ProviderName } from './ProviderName.js';

export interface UpstreamRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** JSON text for POST bodies. */
  body?: string;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The whole body as text; bodies are small JSON documents. */
  text: string;
}

export interface UpstreamCallContext {
  dispatcher: Dispatcher;
  timeoutMs: number;
  provider: ProviderName;
  signal?: AbortSignal;
}

/**
 * One HTTP exchange with a provider, bounded by `timeoutMs` from start to the last body byte.
 *
 * Every failure becomes an AppError (`upstream_timeout`, `upstream_unavailable`) except one:
 * when the caller's own signal aborts, this rejects with the signal's reason, as `fetch` does, so a
 * caller that gave up is never mistaken for a failing provider (and never retried).
 * HTTP error statuses are returned, not thrown: each provider reads its own error bodies.
 */
export async function sendUpstreamRequest(
  req: Readonly<UpstreamRequest>,
  ctx: Readonly<UpstreamCallContext>,
): Promise<UpstreamResponse> {
  ctx.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let status: number | undefined;
  try {
    const response = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: ctx.dispatcher,
      signal,
    });
    status = response.statusCode;
    const text = await response.body.text();
    recordHttpTry(req.method, req.url, status);
    return { status, headers: response.headers, text };
  } catch (error) {
    // The status too when the answer began and its body failed.
    recordHttpTry(req.method, req.url, status);
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    throw networkErrorToAppError(error, {
      provider: ctx.provider,
      timedOut: timeout.aborted,
      timeoutMs: ctx.timeoutMs,
    });
  }
}

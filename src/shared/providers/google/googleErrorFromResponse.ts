import { z } from 'zod';

import { AppError } from '../../errors/AppError.js';
import { tryParseJson } from '../http/parseUpstreamJson.js';
import { parseRetryAfterHeader } from '../http/retryAfter.js';
import type { UpstreamResponse } from '../http/sendUpstreamRequest.js';
import { parseGoogleDuration } from './googleDuration.js';

/** Google's error envelope: `{"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED","details":[…]}}`. */
const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional() })).optional(),
  }),
});

const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';

/**
 * A non-200 Google (Places/Routes) answer as an AppError. Quota (429 / RESOURCE_EXHAUSTED) carries
 * the wait from the RetryInfo detail (`"retryDelay":"3s"`) or `Retry-After`; a bad or blocked key
 * (400 API_KEY_INVALID, 401, 403) is permanent; 404 NOT_FOUND and an invalid place id are `not_found`.
 */
export function googleErrorFromResponse(response: Readonly<UpstreamResponse>, operation: string): AppError {
  const provider = 'google';
  const error = googleErrorSchema.safeParse(tryParseJson(response.text)).data?.error;
  const status = error?.status ?? `HTTP ${response.status}`;
  const details = error?.details ?? [];
  const reason = details.find((d) => d['@type'] === ERROR_INFO)?.reason;
  const label = typeof reason === 'string' ? `${status} ${reason}` : status;
  const message = `google ${operation} failed: HTTP ${response.status} ${label}`;
  const detail = `google ${label}`;

  if (response.status === 429 || status === 'RESOURCE_EXHAUSTED') {
    const retryDelay = details.find((d) => d['@type'] === RETRY_INFO)?.retryDelay;
    const retryAfterSeconds =
      (typeof retryDelay === 'string' ? parseGoogleDuration(retryDelay) : undefined) ??
      parseRetryAfterHeader(response.headers['retry-after']);
    return new AppError('upstream_quota_exceeded', message, {
      provider,
      detail,
      retryAfterSeconds: retryAfterSeconds === undefined ? undefined : Math.ceil(retryAfterSeconds),
    });
  }
  if (response.status === 504 || status === 'DEADLINE_EXCEEDED') {
    return new AppError('upstream_timeout', message, { provider, detail });
  }
  if (response.status >= 500) {
    return new AppError('upstream_unavailable', message, {
      provider,
      detail,
      retryAfterSeconds: parseRetryAfterHeader(response.headers['retry-after']),
    });
  }
  if (response.status === 404 || status === 'NOT_FOUND' || isInvalidPlaceId(error?.message, reason)) {
    return new AppError('not_found', message, { provider, detail: 'google place not found' });
  }
  return new AppError('upstream_rejected', message, { provider, detail });
}

/** Places answers 400 INVALID_ARGUMENT "Not a valid Place ID" for an id it never issued: for us, a 404. */
function isInvalidPlaceId(message: string | undefined, reason: unknown): boolean {
  return reason === undefined && message !== undefined && /not a valid place id/i.test(message);
}

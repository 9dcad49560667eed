import { z } from 'zod';

import { AppError } from '../../errors/AppError.js';
import { tryParseJson } from '../http/parseUpstreamJson.js';
import { parseRetryAfterHeader } from '../http/retryAfter.js';
import type { UpstreamResponse } from '../http/sendUpstreamRequest.js';

/** Kakao Local errors: `{"errorType":"RequestThrottled","message":"…"}`. */
const localErrorSchema = z.object({ errorType: z.string() });
/** Kakao Mobility errors: `{"code":-10,"msg":"…"}`. */
const mobilityErrorSchema = z.object({ code: z.number() });

/** Kakao Mobility's quota code; it arrives as 400 or 429, both mean the same (docs/providers.md). */
const MOBILITY_QUOTA_CODE = -10;

/**
 * A non-200 Kakao answer (Local or Mobility) as an AppError. The upstream message is left out on
 * purpose: Kakao echoes the app key in some of them ("wrong appKey(…) format").
 */
export function kakaoErrorFromResponse(response: Readonly<UpstreamResponse>, operation: string): AppError {
  const provider = 'kakao';
  const body = tryParseJson(response.text);
  const errorType = localErrorSchema.safeParse(body).data?.errorType;
  const mobilityCode = mobilityErrorSchema.safeParse(body).data?.code;
  const label =
    errorType ?? (mobilityCode === undefined ? `HTTP ${response.status}` : `code ${mobilityCode}`);
  const message = `kakao ${operation} failed: HTTP ${response.status} ${label}`;
  const detail = `kakao ${label}`;

  if (response.status === 429 || errorType === 'RequestThrottled' || mobilityCode === MOBILITY_QUOTA_CODE) {
    return new AppError('upstream_quota_exceeded', message, {
      provider,
      detail,
      retryAfterSeconds: parseRetryAfterHeader(response.headers['retry-after']),
    });
  }
  if (response.status >= 500) {
    return new AppError(response.status === 504 ? 'upstream_timeout' : 'upstream_unavailable', message, {
      provider,
      detail,
      retryAfterSeconds: parseRetryAfterHeader(response.headers['retry-after']),
    });
  }
  // 400 MissingParameter/InvalidArgument, 401 AccessDeniedError (-401), 403: our request or our key.
  return new AppError('upstream_rejected', message, { provider, detail });
}

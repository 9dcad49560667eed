import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { AppError } from '../errors/AppError.js';
import { parseIfMatch } from './ifMatch.js';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'cache-control': 'no-store', ...headers } };
}

/** PUT/PATCH/DELETE on versioned resources need the ETag the client read (428 without, 412 when stale). */
export function requireIfMatch(request: HttpRequest): string {
  const value = parseIfMatch(request);
  if (!value) {
    throw new AppError('precondition_required', 'If-Match required', {
      detail: 'Send the ETag from your last GET in If-Match',
    });
  }
  return value;
}

/**
 * Ids we generate: trip and job ids are UUIDs, item ids embed a place id made URL-safe with `_`
 * (`2026-12-20-01-visit-kakao_90010004`), so both `-` and `_` occur. Anything else is rejected before
 * it reaches a store.
 */
export const ROUTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Route parameters are ids we generated: reject anything else before it reaches a store. */
export function routeId(request: HttpRequest, name: string): string {
  const value = request.params[name] ?? '';
  if (!ROUTE_ID_PATTERN.test(value)) {
    throw new AppError('validation_failed', 'Bad id', {
      errors: [{ path: `params.${name}`, message: 'not a valid id' }],
    });
  }
  return value;
}

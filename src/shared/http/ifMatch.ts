import type { HttpRequest } from '@azure/functions';

import { AppError } from '../errors/AppError.js';

/**
 * One entity tag as RFC 9110 §8.8.3 writes it — `"…"` or weak `W/"…"` (Table Storage ETags are weak) —
 * or `*`. Lists of tags are not supported: every resource here has exactly one current ETag.
 */
const ENTITY_TAG = /^(?:\*|(?:W\/)?"[\x21\x23-\x7e]{0,254}")$/;

/** The validated `If-Match` header, undefined when absent; 400 (not a storage error) when malformed. */
export function parseIfMatch(request: Pick<HttpRequest, 'headers'>): string | undefined {
  const raw = request.headers.get('if-match');
  if (raw === null) return undefined;
  const value = raw.trim();
  if (!ENTITY_TAG.test(value)) {
    throw new AppError('validation_failed', 'Bad If-Match', {
      detail: 'If-Match must be one ETag exactly as a GET returned it, or *',
      errors: [{ path: 'headers.if-match', message: 'not a single entity tag' }],
    });
  }
  return value;
}

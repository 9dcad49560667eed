import type { HttpResponseInit } from '@azure/functions';
import { ZodError } from 'zod';

import { AppError, isAppError } from '../errors/AppError.js';
import { ERROR_CODES } from '../errors/errorCodes.js';
import { validationError } from '../errors/validationError.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, plus our stable `code`, field `errors` and `traceId`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  traceId: string;
  provider?: string;
}

/**
 * Normalize anything thrown into an AppError: unknown errors become `internal` (a system fault) with
 * the original as cause. A stray `SyntaxError` is one of them — corrupt JSON read back from Redis or
 * Table Storage is our fault; a client's malformed body is already a 400 from `readJsonBody`.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return validationError(error);
  return new AppError('internal', 'Unexpected error', { cause: error });
}

/** The one error → problem+json mapper. Internal errors say nothing about internals. */
export function toProblem(error: unknown, traceId: string): ProblemDetails {
  const e = toAppError(error);
  const internal = e.status >= 500 && e.code === 'internal';
  return {
    type: `https://tripgen.dev/problems/${e.code.replaceAll('_', '-')}`,
    title: ERROR_CODES[e.code].title,
    status: e.status,
    code: e.code,
    detail: internal
      ? `Something went wrong. Quote traceId ${traceId} when reporting it.`
      : (e.detail ?? e.message),
    ...(e.errors ? { errors: e.errors } : {}),
    ...(e.provider && !internal ? { provider: e.provider } : {}),
    traceId,
  };
}

export function problemResponse(error: unknown, traceId: string): HttpResponseInit {
  const problem = toProblem(error, traceId);
  const e = toAppError(error);
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (e.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(Math.max(0, Math.ceil(e.retryAfterSeconds)));
  if (e.status === 401) headers['www-authenticate'] = 'Bearer';
  return { status: problem.status, headers, body: JSON.stringify(problem) };
}

import type { z } from 'zod';

import { AppError, type FieldError } from './AppError.js';

/** Turn zod issues into field-path errors, prefixing where the value came from (`body`, `query`). */
export function fieldErrorsFromZod(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
    return { path: path || (prefix ?? ''), message: issue.message };
  });
}

/** A 400 `validation_failed` error listing every failing field. */
export function validationError(error: z.ZodError, prefix?: string): AppError {
  const errors = fieldErrorsFromZod(error, prefix);
  return new AppError('validation_failed', 'Request validation failed', {
    detail: `${errors.length} field(s) failed validation`,
    errors,
  });
}

/**
 * Parse `value` with `schema` or throw a 400 with field paths. Used at every trigger boundary.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}

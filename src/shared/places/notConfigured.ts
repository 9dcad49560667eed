import { AppError } from '../errors/AppError.js';

/** No configured provider can take the call: a 503 the caller cannot fix, not counted by any breaker. */
export function notConfigured(detail: string): AppError {
  return new AppError('upstream_unavailable', 'No provider can answer', { detail, transient: false });
}

import { isAppError } from '../errors/AppError.js';

/**
 * Another provider is worth asking when this one failed transiently, or rejected our key or request
 * (misconfigured on our side: the caller's query may still be answerable elsewhere).
 */
export function canFallBack(error: unknown): boolean {
  return isAppError(error) && (error.transient || error.code === 'upstream_rejected');
}

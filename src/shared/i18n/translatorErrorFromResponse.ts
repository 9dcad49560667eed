import { AppError } from '../errors/AppError.js';

/**
 * A failed Translator response as an AppError: 429 and 5xx are transient (`upstream_unavailable`,
 * with `Retry-After` when sent); 401/403 and other 4xx mean our key, role or request is wrong
 * (`upstream_rejected`, not transient). The service's own message is logged, never shown to clients.
 */
export function translatorErrorFromResponse(
  status: number,
  retryAfter: string | undefined,
  message?: string,
): AppError {
  const seconds = retryAfter !== undefined && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  if (status === 429 || status >= 500) {
    return new AppError(
      'upstream_unavailable',
      `translator: HTTP ${status}${message ? ` (${message})` : ''}`,
      {
        detail: 'The translation service is unavailable',
        provider: 'translator',
        retryAfterSeconds: seconds,
      },
    );
  }
  return new AppError('upstream_rejected', `translator: HTTP ${status}${message ? ` (${message})` : ''}`, {
    detail: 'The translation service rejected the request',
    provider: 'translator',
  });
}

/** A network-level failure or abort as an AppError (reset, refused, timed out). */
export function translatorNetworkError(error: unknown, signal?: AbortSignal): AppError {
  const aborted = signal?.aborted || (error as { name?: string })?.name === 'AbortError';
  return aborted
    ? new AppError('upstream_timeout', 'translator: no answer in time', {
        detail: 'The translation service did not answer in time',
        provider: 'translator',
        cause: error,
      })
    : new AppError('upstream_unavailable', `translator: ${(error as Error)?.message ?? 'network error'}`, {
        detail: 'The translation service is unavailable',
        provider: 'translator',
        cause: error,
      });
}

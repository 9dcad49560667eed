import { AppError } from '../../errors/AppError.js';
import type { ProviderName } from './ProviderName.js';

/** undici / socket error codes that mean "the upstream took too long" rather than "it broke". */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * A failure below HTTP (timeout, reset, refused, DNS) as a transient AppError. The cause is kept for
 * logs; undici errors carry addresses, never our request headers, so the key cannot leak through it.
 */
export function networkErrorToAppError(
  error: unknown,
  context: Readonly<{ provider: ProviderName; timedOut: boolean; timeoutMs: number }>,
): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  if (context.timedOut || (typeof code === 'string' && TIMEOUT_CODES.has(code))) {
    return new AppError(
      'upstream_timeout',
      `${context.provider} did not answer within ${context.timeoutMs} ms`,
      {
        provider: context.provider,
        cause: error,
      },
    );
  }
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
  return new AppError('upstream_unavailable', `${context.provider} connection failed (${reason})`, {
    provider: context.provider,
    detail: `network error: ${reason}`,
    cause: error,
  });
}

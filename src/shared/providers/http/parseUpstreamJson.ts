import type { z } from 'zod';

import { AppError } from '../../errors/AppError.js';
import type { ProviderName } from './ProviderName.js';

/**
 * Parse a provider's body and check its shape. Anything else is `upstream_bad_response`; the
 * detail names the failing path, never the body (it may echo our request).
 */
export function parseUpstreamJson<S extends z.ZodType>(
  schema: S,
  text: string,
  context: Readonly<{ provider: ProviderName; operation: string }>,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('upstream_bad_response', `${context.provider} ${context.operation}: malformed JSON`, {
      provider: context.provider,
      detail: 'malformed JSON',
      cause: error,
    });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const path = first ? first.path.map(String).join('.') || '(root)' : '(root)';
    throw new AppError(
      'upstream_bad_response',
      `${context.provider} ${context.operation}: unexpected shape at ${path}`,
      {
        provider: context.provider,
        detail: `unexpected response shape at ${path}`,
        cause: result.error,
      },
    );
  }
  return result.data;
}

/** Parse a body that may not be JSON at all (error pages from proxies); `undefined` when it is not. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

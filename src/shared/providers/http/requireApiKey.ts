import { AppError } from '../../errors/AppError.js';
import type { ProviderName } from './ProviderName.js';

/**
 * The current key, read at call time because keys rotate. A missing key is the provider refusing us
 * before we ask (`upstream_rejected`, permanent), so routing can fall back to the other provider.
 */
export function requireApiKey(apiKey: () => string | undefined, provider: ProviderName): string {
  const key = apiKey();
  if (key === undefined || key === '') {
    throw new AppError('upstream_rejected', `no ${provider} API key is configured`, {
      provider,
      detail: `${provider} API key missing`,
    });
  }
  return key;
}

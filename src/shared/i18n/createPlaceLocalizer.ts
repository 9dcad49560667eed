import type { TokenCredential } from '@azure/identity';

import type { TieredCache } from '../cache/TieredCache.js';
import type { AppConfig } from '../config/AppConfig.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import { ProviderPolicy } from '../resilience/ProviderPolicy.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Metrics } from '../telemetry/Metrics.js';
import { AzureTranslator } from './AzureTranslator.js';
import { CachedTranslator } from './CachedTranslator.js';
import { placeServicesSources } from './PlaceLocalizationSources.js';
import { PlaceLocalizer } from './PlaceLocalizer.js';

export interface CreatePlaceLocalizerOptions {
  config: AppConfig;
  cache: TieredCache;
  places: PlaceServices;
  metrics: Metrics;
  logger: Logger;
  getCredential: () => TokenCredential;
}

/**
 * The localizer with Translator when `TRANSLATOR_ENDPOINT` is set: with `TRANSLATOR_KEY` (+ region)
 * the key is read on every call, so a rotated Key Vault secret takes effect without a restart;
 * without a key the app identity's Entra token is sent (custom-subdomain endpoint, Cognitive Services
 * User role). One retry at most: a slow Translator must not hold up a page of places.
 */
export function createPlaceLocalizer(o: Readonly<CreatePlaceLocalizerOptions>): PlaceLocalizer {
  const { endpoint, region, timeoutMs } = o.config.translator;
  const secrets = o.config.secrets;
  const translator = endpoint
    ? new CachedTranslator({
        translator: new AzureTranslator({
          endpoint,
          credential: secrets.get('TRANSLATOR_KEY')
            ? {
                get key() {
                  return secrets.get('TRANSLATOR_KEY') ?? '';
                },
                region: region ?? '',
              }
            : o.getCredential(),
        }),
        cache: o.cache,
        metrics: o.metrics,
        policy: new ProviderPolicy({
          name: 'translator',
          provider: 'translator',
          budgetMs: timeoutMs,
          maxRetries: 1,
        }),
      })
    : undefined;
  return new PlaceLocalizer({
    sources: placeServicesSources(o.places),
    cache: o.cache,
    translator,
    logger: o.logger,
  });
}

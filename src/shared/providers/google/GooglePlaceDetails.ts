import type { Place } from '../../domain/place.js';
import type { MapProvider } from '../MapProvider.js';
import type { PlaceDetailsProvider } from '../PlaceDetailsProvider.js';
import type { WrappedClientOptions } from '../WrappedClient.js';
import type { GooglePlacesClient } from './GooglePlacesClient.js';

type Client = Pick<GooglePlacesClient, 'getPlace'>;

/** Google Place Details (New) by place id, in the requested language. */
export class GooglePlaceDetails implements PlaceDetailsProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';
  readonly #options: WrappedClientOptions<Client>;

  constructor(options: Readonly<WrappedClientOptions<Client>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  async details(providerId: string, language: string, signal?: AbortSignal): Promise<Place> {
    const { client, policy } = this.#options;
    return policy.execute(
      (inner) => client.getPlace(providerId, { languageCode: language }, { signal: inner }),
      signal,
    );
  }
}

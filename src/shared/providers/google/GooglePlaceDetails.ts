import type { Place } from '../../domain/place.js';
import type { MapProvider } from '../MapProvider.js';
import type { PlaceDetailsProvider } from '../PlaceDetailsProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import type { GooglePlacesClient } from './GooglePlacesClient.js';

type Client = Pick<GooglePlacesClient, 'getPlace'>;

/** Google Place Details (New) by place id, in the requested language. */
export class GooglePlaceDetails extends WrappedProvider<Client> implements PlaceDetailsProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';

  async details(providerId: string, language: string, signal?: AbortSignal): Promise<Place> {
    return this.call(
      (client, inner) => client.getPlace(providerId, { languageCode: language }, { signal: inner }),
      signal,
    );
  }
}

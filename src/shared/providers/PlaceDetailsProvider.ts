import type { Place } from '../domain/place.js';
import type { MapProvider } from './MapProvider.js';

/**
 * Place details by the provider's own id, already behind its resilience policy. A provider without
 * a details API (Kakao) has no implementation: its places are known only from searches.
 */
export interface PlaceDetailsProvider extends MapProvider {
  details(providerId: string, language: string, signal?: AbortSignal): Promise<Place>;
}

import { AppError } from '../errors/AppError.js';
import type { PlaceQuery } from '../providers/PlaceSearchProvider.js';
import type { PlaceSearchParams } from './placeSearchParams.js';

/**
 * The validated request as the provider port takes it: text search when there is text, otherwise a
 * nearby search that carries its category and centre in its type. The request schema already
 * rejects the other shapes; this keeps the rule in the type instead of in non-null assertions.
 */
export function toPlaceQuery(params: PlaceSearchParams): PlaceQuery {
  const center =
    params.lat !== undefined && params.lng !== undefined ? { lat: params.lat, lng: params.lng } : undefined;
  const common = {
    radius: params.radius,
    language: params.language,
    region: params.region,
    size: params.size,
    openNow: params.openNow,
  };
  if (params.query) return { kind: 'text', text: params.query, category: params.category, center, ...common };
  if (params.category && center) return { kind: 'nearby', category: params.category, center, ...common };
  throw new AppError('validation_failed', 'Invalid search', {
    errors: [{ path: 'query', message: 'query, or category with lat and lng, is required' }],
  });
}

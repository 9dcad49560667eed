/**
 * Only the fields we use: Places bills by the most expensive field asked for, and a mask is
 * required. `currentOpeningHours.openNow` (not the whole object) because special days only matter
 * for "open now"; the weekly pattern comes from `regularOpeningHours`.
 */
const PLACE_FIELDS = [
  'id',
  'displayName',
  'formattedAddress',
  'location',
  'rating',
  'userRatingCount',
  'priceLevel',
  'types',
  'primaryType',
  'regularOpeningHours',
  'currentOpeningHours.openNow',
  'nationalPhoneNumber',
  'googleMapsUri',
  'accessibilityOptions',
] as const;

/** Place details (`GET /v1/places/{id}`): fields without a prefix. */
export const PLACE_DETAILS_FIELD_MASK = PLACE_FIELDS.join(',');

/** searchText: `places.` prefix, plus `nextPageToken` (without it Google sends no token). */
export const TEXT_SEARCH_FIELD_MASK = [...PLACE_FIELDS.map((f) => `places.${f}`), 'nextPageToken'].join(',');

/** searchNearby has no paging. */
export const NEARBY_SEARCH_FIELD_MASK = PLACE_FIELDS.map((f) => `places.${f}`).join(',');

export const COMPUTE_ROUTES_FIELD_MASK = 'routes.distanceMeters,routes.duration';

export const ROUTE_MATRIX_FIELD_MASK =
  'originIndex,destinationIndex,status,condition,distanceMeters,duration';

import { type Place, toPlaceId } from '../../domain/place.js';
import { fromGoogleOpeningHours } from './fromGoogleOpeningHours.js';
import type { GooglePlace } from './googlePlacesSchemas.js';
import { categoryFromGoogleTypes } from './googlePlaceTypes.js';
import { fromGooglePriceLevel } from './googlePriceLevel.js';

/**
 * A Places API (New) place as a normalized Place: `google:<id>`, category from its types, price
 * 0–4, weekly opening periods, and wheelchair access from the entrance (what matters for a visit).
 * Absent Google fields stay absent.
 */
export function fromGooglePlace(raw: Readonly<GooglePlace>): Place {
  const types = raw.types ?? [];
  const categories = raw.primaryType
    ? [raw.primaryType, ...types.filter((t) => t !== raw.primaryType)]
    : [...types];
  const priceLevel = fromGooglePriceLevel(raw.priceLevel);
  const openingHours = fromGoogleOpeningHours(raw.regularOpeningHours, raw.currentOpeningHours?.openNow);
  const wheelchair = raw.accessibilityOptions?.wheelchairAccessibleEntrance;
  return {
    id: toPlaceId('google', raw.id),
    provider: 'google',
    name: raw.displayName?.text ?? '',
    category: categoryFromGoogleTypes(raw.primaryType, types),
    categories,
    location: { lat: raw.location.latitude, lng: raw.location.longitude },
    address: raw.formattedAddress ?? '',
    ...(raw.nationalPhoneNumber ? { phone: raw.nationalPhoneNumber } : {}),
    ...(raw.rating === undefined ? {} : { rating: raw.rating }),
    ...(raw.userRatingCount === undefined ? {} : { ratingCount: raw.userRatingCount }),
    ...(priceLevel === undefined ? {} : { priceLevel }),
    ...(openingHours ? { openingHours } : {}),
    ...(raw.googleMapsUri ? { url: raw.googleMapsUri } : {}),
    ...(wheelchair === undefined ? {} : { wheelchairAccessible: wheelchair }),
  };
}

import { z } from 'zod';

import { type Place, placeSchema } from '../domain/place.js';

/**
 * Place fields search_places leaves out unless asked for (`fields`): the bulky ones an agent picking
 * places does not need to choose (weekly hours and their text, phone, links, provider labels). What
 * stays: id (for get_place_details), name, category, location, address, rating, price, distance,
 * accessibility.
 */
export const OPTIONAL_PLACE_FIELDS = ['openingHours', 'phone', 'url', 'categories'] as const;
export type OptionalPlaceField = (typeof OPTIONAL_PLACE_FIELDS)[number];

export const placeFieldsSchema = z
  .array(z.enum(OPTIONAL_PLACE_FIELDS))
  .max(OPTIONAL_PLACE_FIELDS.length)
  .optional()
  .describe(
    'Extra place fields to include (default none): openingHours (weekly periods; get_place_details has them ' +
      "too), phone, url, categories (the provider's own labels).",
  );

/** A place as search_places returns it: the optional fields may be absent. */
export const searchPlaceSchema = placeSchema.partial({ categories: true });
export type SearchPlace = z.infer<typeof searchPlaceSchema>;

/** The place without the optional fields the caller did not ask for. */
export function withFields(place: Place, fields: readonly OptionalPlaceField[] = []): SearchPlace {
  const { openingHours, phone, url, categories, ...core } = place;
  const extra = { openingHours, phone, url, categories };
  const picked: Partial<Place> = {};
  for (const field of fields)
    if (extra[field] !== undefined) Object.assign(picked, { [field]: extra[field] });
  return { ...core, ...picked };
}

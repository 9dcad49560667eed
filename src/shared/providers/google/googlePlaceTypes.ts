import type { PlaceCategory } from '../../domain/place.js';

/**
 * Places API (New) types (Table A) per normalized category. The first entry of each list is what a
 * Text Search `includedType` uses; the whole list is a Nearby Search `includedTypes`.
 */
const TYPES_BY_CATEGORY: Readonly<Record<PlaceCategory, readonly string[]>> = {
  attraction: ['tourist_attraction', 'observation_deck', 'historical_landmark'],
  culture: ['museum', 'art_gallery', 'historical_landmark', 'cultural_landmark', 'performing_arts_theater'],
  nature: ['park', 'national_park', 'hiking_area', 'beach', 'botanical_garden', 'garden'],
  restaurant: ['restaurant'],
  cafe: ['cafe', 'coffee_shop', 'bakery', 'tea_house'],
  lodging: ['lodging', 'hotel'],
  shopping: ['shopping_mall', 'department_store', 'market'],
  activity: ['amusement_park', 'aquarium', 'zoo', 'water_park', 'spa'],
};

/**
 * Single types → category where the table above would be ambiguous or silent. Checked before the
 * suffix rules (a coffee_shop is a cafe, not a shop).
 */
const CATEGORY_BY_TYPE: Readonly<Record<string, PlaceCategory>> = {
  tourist_attraction: 'attraction',
  observation_deck: 'attraction',
  landmark: 'attraction',
  historical_landmark: 'culture',
  historical_place: 'culture',
  monument: 'culture',
  museum: 'culture',
  art_gallery: 'culture',
  cultural_landmark: 'culture',
  cultural_center: 'culture',
  performing_arts_theater: 'culture',
  place_of_worship: 'culture',
  buddhist_temple: 'culture',
  shinto_shrine: 'culture',
  church: 'culture',
  park: 'nature',
  national_park: 'nature',
  state_park: 'nature',
  hiking_area: 'nature',
  beach: 'nature',
  botanical_garden: 'nature',
  garden: 'nature',
  natural_feature: 'nature',
  restaurant: 'restaurant',
  food: 'restaurant',
  meal_takeaway: 'restaurant',
  bar: 'restaurant',
  food_court: 'restaurant',
  cafeteria: 'restaurant',
  cafe: 'cafe',
  coffee_shop: 'cafe',
  bakery: 'cafe',
  tea_house: 'cafe',
  dessert_shop: 'cafe',
  lodging: 'lodging',
  hotel: 'lodging',
  hostel: 'lodging',
  guest_house: 'lodging',
  resort_hotel: 'lodging',
  motel: 'lodging',
  bed_and_breakfast: 'lodging',
  inn: 'lodging',
  japanese_inn: 'lodging',
  shopping_mall: 'shopping',
  department_store: 'shopping',
  market: 'shopping',
  store: 'shopping',
  amusement_park: 'activity',
  amusement_center: 'activity',
  aquarium: 'activity',
  zoo: 'activity',
  water_park: 'activity',
  spa: 'activity',
  ski_resort: 'activity',
  bowling_alley: 'activity',
  stadium: 'activity',
  sports_complex: 'activity',
};

function categoryOfType(type: string): PlaceCategory | undefined {
  const direct = CATEGORY_BY_TYPE[type];
  if (direct) return direct;
  if (type.endsWith('_restaurant')) return 'restaurant';
  if (type.endsWith('_store') || type.endsWith('_market')) return 'shopping';
  return undefined;
}

/**
 * The normalized category of a Google place: its primary type when that maps, else the first of its
 * `types` (Google lists the most specific first) that maps, else `attraction`.
 */
export function categoryFromGoogleTypes(
  primaryType: string | undefined,
  types: readonly string[],
): PlaceCategory {
  for (const type of primaryType ? [primaryType, ...types] : types) {
    const category = categoryOfType(type);
    if (category) return category;
  }
  return 'attraction';
}

/** Nearby Search `includedTypes` for a category. */
export function googleTypesForCategory(category: PlaceCategory): string[] {
  return [...TYPES_BY_CATEGORY[category]];
}

/** Text Search takes one `includedType`: the category's main type. */
export function googleIncludedTypeForCategory(category: PlaceCategory): string {
  return TYPES_BY_CATEGORY[category][0]!;
}

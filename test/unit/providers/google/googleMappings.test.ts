import { describe, expect, it } from 'vitest';

import { PLACE_CATEGORIES } from '../../../../src/shared/domain/place.js';
import {
  categoryFromGoogleTypes,
  googleIncludedTypeForCategory,
  googleTypesForCategory,
} from '../../../../src/shared/providers/google/googlePlaceTypes.js';
import {
  fromGooglePriceLevel,
  toGooglePriceLevel,
} from '../../../../src/shared/providers/google/googlePriceLevel.js';

describe('categoryFromGoogleTypes', () => {
  it.each([
    ['museum', [], 'culture'],
    [undefined, ['point_of_interest', 'korean_restaurant', 'restaurant'], 'restaurant'],
    ['coffee_shop', ['cafe', 'store'], 'cafe'],
    ['clothing_store', ['store'], 'shopping'],
    ['ramen_restaurant', [], 'restaurant'],
    ['hiking_area', ['tourist_attraction'], 'nature'],
    ['japanese_inn', ['lodging'], 'lodging'],
    ['aquarium', ['tourist_attraction'], 'activity'],
    ['point_of_interest', ['establishment'], 'attraction'],
    [undefined, ['historical_landmark', 'tourist_attraction'], 'culture'],
  ] as const)('%s %j → %s', (primary, types, expected) => {
    expect(categoryFromGoogleTypes(primary, types)).toBe(expected);
  });
});

describe('googleTypesForCategory', () => {
  it('gives every category types whose own mapping leads back to it', () => {
    for (const category of PLACE_CATEGORIES) {
      const included = googleIncludedTypeForCategory(category);
      expect(googleTypesForCategory(category)[0]).toBe(included);
      expect(categoryFromGoogleTypes(included, [])).toBe(category);
    }
  });
});

describe('price levels', () => {
  it('maps the Places enum to 0–4 and back, UNSPECIFIED to unknown', () => {
    const levels = [
      'PRICE_LEVEL_FREE',
      'PRICE_LEVEL_INEXPENSIVE',
      'PRICE_LEVEL_MODERATE',
      'PRICE_LEVEL_EXPENSIVE',
      'PRICE_LEVEL_VERY_EXPENSIVE',
    ];
    expect(levels.map(fromGooglePriceLevel)).toStrictEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map(toGooglePriceLevel)).toStrictEqual(levels);
    expect(fromGooglePriceLevel('PRICE_LEVEL_UNSPECIFIED')).toBeUndefined();
    expect(fromGooglePriceLevel(undefined)).toBeUndefined();
  });
});

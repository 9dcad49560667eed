import { describe, expect, it } from 'vitest';

import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import { toPlaceQuery } from '../../../src/shared/places/toPlaceQuery.js';

const parse = (raw: Record<string, string>) => placeSearchParamsSchema.parse(raw);

describe('toPlaceQuery', () => {
  it('makes a text query, with its centre when the request has one', () => {
    expect(
      toPlaceQuery(parse({ query: 'bibimbap', category: 'restaurant', lat: '37.5', lng: '127' })),
    ).toEqual({
      kind: 'text',
      text: 'bibimbap',
      category: 'restaurant',
      center: { lat: 37.5, lng: 127 },
      radius: 5_000,
      language: 'ko',
      region: undefined,
      size: 15,
      openNow: undefined,
    });
  });

  it('makes a nearby query from a category and a point', () => {
    expect(toPlaceQuery(parse({ category: 'cafe', lat: '35.7', lng: '139.8', language: 'en' }))).toEqual({
      kind: 'nearby',
      category: 'cafe',
      center: { lat: 35.7, lng: 139.8 },
      radius: 5_000,
      language: 'en',
      region: undefined,
      size: 15,
      openNow: undefined,
    });
  });

  it('refuses a search with neither text nor category and point (a bypassed schema)', () => {
    const bypassed = { radius: 5_000, language: 'ko', page: 1, size: 15, category: 'cafe' as const };
    expect(() => toPlaceQuery(bypassed)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});

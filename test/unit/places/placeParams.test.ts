import { describe, expect, it } from 'vitest';

import { placeIdSchema, placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import {
  latLngPairSchema,
  matrixBodySchema,
  routeQuerySchema,
} from '../../../src/shared/places/routeParams.js';

describe('place search parameters', () => {
  it('coerces query strings and applies the documented defaults', () => {
    expect(
      placeSearchParamsSchema.parse({ query: '  경복궁 ', lat: '37.5796', lng: '126.977', openNow: 'true' }),
    ).toEqual({
      query: '경복궁',
      lat: 37.5796,
      lng: 126.977,
      radius: 5000,
      language: 'ko',
      page: 1,
      size: 15,
      openNow: true,
    });
  });

  it.each([
    [{ query: 'a', radius: '20001' }, 'radius'],
    [{ query: 'a', radius: '1.5' }, 'radius'],
    [{ query: 'a', page: '0' }, 'page'],
    [{ query: 'a', size: '0' }, 'size'],
    [{ query: 'a', openNow: 'yes' }, 'openNow'],
    [{ query: 'a', region: 'kr' }, 'region'],
    [{ query: 'x'.repeat(101) }, 'query'],
    [{ query: '   ' }, 'query'],
    [{ query: 'a', lng: '126.9' }, 'lat'],
  ])('rejects %o at %s', (raw, path) => {
    const result = placeSearchParamsSchema.safeParse(raw);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts our two id forms only', () => {
    expect(placeIdSchema.safeParse('kakao:26338954').success).toBe(true);
    expect(placeIdSchema.safeParse('google:ChIJrWDFhCnidT9gOwp88X1VC_T').success).toBe(true);
    for (const bad of ['naver:1', 'kakao:', 'google:a/b', 'kakao:1?x=1', '26338954'])
      expect(placeIdSchema.safeParse(bad).success).toBe(false);
  });
});

describe('route parameters', () => {
  it('reads "lat,lng" pairs and rejects points off the globe', () => {
    expect(latLngPairSchema.parse('37.5796,126.977')).toEqual({ lat: 37.5796, lng: 126.977 });
    expect(latLngPairSchema.parse('-33.86,151.2')).toEqual({ lat: -33.86, lng: 151.2 });
    for (const bad of ['37.5796', '91,0', '0,181', '37.5 126.9', 'lat,lng'])
      expect(latLngPairSchema.safeParse(bad).success).toBe(false);
  });

  it('defaults the mode to car and requires an ISO instant with an offset for departAt', () => {
    expect(routeQuerySchema.parse({ from: '1,2', to: '3,4' }).mode).toBe('car');
    expect(
      routeQuerySchema.safeParse({ from: '1,2', to: '3,4', departAt: '2030-01-01T09:00:00+09:00' }).success,
    ).toBe(true);
    expect(routeQuerySchema.safeParse({ from: '1,2', to: '3,4', departAt: 'tomorrow 9am' }).success).toBe(
      false,
    );
  });

  it('bounds the matrix to 1–25 origins and destinations', () => {
    const p = { lat: 1, lng: 2 };
    expect(matrixBodySchema.safeParse({ origins: [p], destinations: Array(25).fill(p) }).success).toBe(true);
    expect(matrixBodySchema.safeParse({ origins: [], destinations: [p] }).success).toBe(false);
    expect(matrixBodySchema.safeParse({ origins: [p], destinations: Array(26).fill(p) }).success).toBe(false);
  });
});

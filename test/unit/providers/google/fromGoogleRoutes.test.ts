import { describe, expect, it } from 'vitest';

import { fromGoogleRouteMatrix } from '../../../../src/shared/providers/google/fromGoogleRouteMatrix.js';
import { fromGoogleRoutes } from '../../../../src/shared/providers/google/fromGoogleRoutes.js';
import { isGoogleNoDirections } from '../../../../src/shared/providers/google/googleNoDirections.js';
import {
  googleComputeRoutesResponseSchema,
  googleRouteMatrixResponseSchema,
} from '../../../../src/shared/providers/google/googleRoutesSchemas.js';
import { catchError } from '../catchError.js';
import { loadProviderFixture } from '../loadProviderFixture.js';

describe('fromGoogleRoutes', () => {
  it('maps the first route, parsing the "1485s" duration', () => {
    const response = googleComputeRoutesResponseSchema.parse(
      loadProviderFixture('google/compute-routes.json'),
    );

    expect(fromGoogleRoutes(response, 'transit')).toStrictEqual({
      distanceMeters: 10470,
      durationSeconds: 1485,
      mode: 'transit',
      provider: 'google',
      estimated: false,
    });
  });

  it('reports an empty answer ({}) as google-no-directions', () => {
    const error = catchError(() => fromGoogleRoutes(googleComputeRoutesResponseSchema.parse({}), 'car'));

    expect(isGoogleNoDirections(error)).toBe(true);
    expect(error).toMatchObject({ code: 'no_route', provider: 'google', transient: false });
  });
});

describe('fromGoogleRouteMatrix', () => {
  it('places elements by index (0 omitted, as proto3 JSON does) and leaves unroutable pairs null', () => {
    const elements = googleRouteMatrixResponseSchema.parse(loadProviderFixture('google/route-matrix.json'));

    expect(fromGoogleRouteMatrix(elements, { origins: 2, destinations: 2 })).toStrictEqual([
      [
        { distanceMeters: 0, durationSeconds: 0, estimated: false },
        { distanceMeters: 2305, durationSeconds: 615, estimated: false },
      ],
      [null, { distanceMeters: 0, durationSeconds: 0, estimated: false }],
    ]);
  });

  it('reports a matrix with no routable pair (DRIVE in Korea) as google-no-directions', () => {
    const elements = googleRouteMatrixResponseSchema.parse(
      loadProviderFixture('google/route-matrix-korea.json'),
    );

    expect(
      isGoogleNoDirections(
        catchError(() => fromGoogleRouteMatrix(elements, { origins: 1, destinations: 2 })),
      ),
    ).toBe(true);
  });
});

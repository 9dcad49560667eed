import { describe, expect, it } from 'vitest';

import { AppError } from '../../../../src/shared/errors/AppError.js';
import { fromKakaoDirections } from '../../../../src/shared/providers/kakao/fromKakaoDirections.js';
import { kakaoDirectionsResponseSchema } from '../../../../src/shared/providers/kakao/kakaoMobilitySchemas.js';
import { catchError } from '../catchError.js';
import { loadProviderFixture } from '../loadProviderFixture.js';

describe('fromKakaoDirections', () => {
  it('maps the first route summary to a car leg in metres and seconds', () => {
    const response = kakaoDirectionsResponseSchema.parse(loadProviderFixture('kakao/directions-ok.json'));

    expect(fromKakaoDirections(response)).toStrictEqual({
      distanceMeters: 19032,
      durationSeconds: 3494,
      mode: 'car',
      provider: 'kakao',
      estimated: false,
    });
  });

  it('turns result_code ≠ 0 inside HTTP 200 into a permanent no_route naming the code', () => {
    const response = kakaoDirectionsResponseSchema.parse(
      loadProviderFixture('kakao/directions-no-route.json'),
    );

    const error = catchError(() => fromKakaoDirections(response));

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'no_route',
      transient: false,
      provider: 'kakao',
      detail: 'kakao-result-code-104',
    });
  });
});

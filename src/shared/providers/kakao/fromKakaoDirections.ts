import type { RouteLeg } from '../../domain/route.js';
import { AppError } from '../../errors/AppError.js';
import type { KakaoDirectionsResponse } from './kakaoMobilitySchemas.js';

/**
 * The first Kakao car route as a RouteLeg. Kakao reports "no route" inside HTTP 200 with
 * `result_code` ≠ 0 (104 same point, 102/103 no road near origin/destination…): that becomes
 * `no_route` with the code in the detail (`kakao-result-code-104`), permanent for these points.
 */
export function fromKakaoDirections(response: Readonly<KakaoDirectionsResponse>): RouteLeg {
  const route = response.routes[0];
  if (!route || route.result_code !== 0 || !route.summary) {
    const code = route?.result_code ?? 'missing';
    return throwNoRoute(code);
  }
  return {
    distanceMeters: route.summary.distance,
    durationSeconds: route.summary.duration,
    mode: 'car',
    provider: 'kakao',
    estimated: false,
  };
}

function throwNoRoute(code: number | string): never {
  throw new AppError('no_route', `kakao directions found no route (result_code ${code})`, {
    provider: 'kakao',
    detail: `kakao-result-code-${code}`,
  });
}

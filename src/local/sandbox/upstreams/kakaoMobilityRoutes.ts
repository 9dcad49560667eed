import { randomUUID } from 'node:crypto';

import { haversineMeters, isInKorea } from '../../../shared/domain/geo.js';
import type { LatLng } from '../../../shared/domain/place.js';
import type { SandboxHandler } from '../sandboxHttp.js';
import { kakaoMobilityError, kakaoOk } from './kakaoAnswers.js';
import { estimateTravel } from './travelEstimate.js';

/** Kakao Mobility's "no route" messages by `result_code`. */
export const KAKAO_NO_ROUTE_MESSAGES: Readonly<Record<number, string>> = {
  1: '길찾기 결과를 찾을 수 없음',
  101: '경유지 주변의 도로를 탐색할 수 없음',
  102: '출발지 주변의 도로를 탐색할 수 없음',
  103: '도착지 주변의 도로를 탐색할 수 없음',
  104: '출발지와 도착지가 5 m 이내로 설정된 경우 경로를 탐색할 수 없음',
};

/** `"127.1,37.4"` or `"127.1,37.4,name=…"` → a point; `undefined` when not one. */
function parsePoint(value: string): LatLng | undefined {
  const [x, y] = value.split(',');
  const lng = Number(x);
  const lat = Number(y);
  return x && y && Number.isFinite(lng) && Number.isFinite(lat) ? { lat, lng } : undefined;
}

/** A taxi fare in the style of Seoul's meter: base 4,800 won for 1.6 km, then 100 won per 131 m. */
const taxiFare = (meters: number) => 4_800 + Math.max(0, Math.ceil((meters - 1_600) / 131)) * 100;

export const noRoute = (resultCode: number) =>
  kakaoOk({
    trans_id: randomUUID().replaceAll('-', ''),
    routes: [{ result_code: resultCode, result_msg: KAKAO_NO_ROUTE_MESSAGES[resultCode] ?? '길찾기 실패' }],
  });

/**
 * `GET /v1/directions` (car). Points outside Korea have no road nearby (102/103/101), points within
 * 5 m are 104 — both HTTP 200 with no summary, as Kakao answers. Otherwise distance and time come
 * from the straight line × a detour factor ÷ a city driving speed.
 */
const directions: SandboxHandler = (req) => {
  const params = req.url.searchParams;
  const originText = params.get('origin');
  const destinationText = params.get('destination');
  if (!originText || !destinationText)
    return kakaoMobilityError(400, -2, 'origin and destination are required');
  const origin = parsePoint(originText);
  const destination = parsePoint(destinationText);
  const waypoints = (params.get('waypoints') ?? '').split('|').filter(Boolean).map(parsePoint);
  if (!origin || !destination || waypoints.some((w) => !w))
    return kakaoMobilityError(400, -2, 'invalid coordinates');
  if (waypoints.length > 5) return kakaoMobilityError(400, -2, 'too many waypoints');
  const priority = params.get('priority') ?? 'RECOMMEND';
  if (!['RECOMMEND', 'TIME', 'DISTANCE'].includes(priority))
    return kakaoMobilityError(400, -2, 'invalid priority');

  if (!isInKorea(origin)) return noRoute(102);
  if (!isInKorea(destination)) return noRoute(103);
  if ((waypoints as LatLng[]).some((w) => !isInKorea(w))) return noRoute(101);
  if (waypoints.length === 0 && haversineMeters(origin, destination) < 5) return noRoute(104);

  const points = [origin, ...(waypoints as LatLng[]), destination];
  const legs = points.slice(1).map((to, i) => estimateTravel([points[i]!, to], 'DRIVE'));
  const distance = legs.reduce((sum, leg) => sum + leg.distanceMeters, 0);
  const duration = legs.reduce((sum, leg) => sum + leg.durationSeconds, 0);
  const xy = (p: LatLng) => ({ name: '', x: p.lng, y: p.lat });
  return kakaoOk({
    trans_id: randomUUID().replaceAll('-', ''),
    routes: [
      {
        result_code: 0,
        result_msg: '길찾기 성공',
        summary: {
          origin: xy(origin),
          destination: xy(destination),
          waypoints: (waypoints as LatLng[]).map(xy),
          priority,
          bound: {
            min_x: Math.min(...points.map((p) => p.lng)),
            min_y: Math.min(...points.map((p) => p.lat)),
            max_x: Math.max(...points.map((p) => p.lng)),
            max_y: Math.max(...points.map((p) => p.lat)),
          },
          fare: { taxi: taxiFare(distance), toll: 0 },
          distance,
          duration,
        },
        sections: legs.map((leg) => ({ distance: leg.distanceMeters, duration: leg.durationSeconds })),
      },
    ],
  });
};

export const KAKAO_MOBILITY_ROUTES: Readonly<Record<string, SandboxHandler>> = {
  '/v1/directions': directions,
};

/** The upstream APIs the sandbox imitates; one server serves all (their paths do not collide). */
export const UPSTREAMS = [
  'kakao-local',
  'kakao-mobility',
  'google-places',
  'google-routes',
  'translator',
] as const;
export type Upstream = (typeof UPSTREAMS)[number];

/** Which upstream a request path belongs to, or `undefined` for paths no provider has. */
export function upstreamOf(path: string): Upstream | undefined {
  if (path.startsWith('/v2/local/')) return 'kakao-local';
  if (path === '/v1/directions') return 'kakao-mobility';
  if (path.startsWith('/v1/places')) return 'google-places';
  if (path.startsWith('/directions/v2') || path.startsWith('/distanceMatrix/v2')) return 'google-routes';
  if (path === '/translate' || path === '/transliterate') return 'translator';
  return undefined;
}

/**
 * The path as the request counter groups it: place details collapse to `/v1/places/{id}` so a
 * benchmark reads "details calls", not one line per place.
 */
export function statsPathOf(path: string): string {
  return /^\/v1\/places\/[^/:]+$/.test(path) ? '/v1/places/{id}' : path;
}

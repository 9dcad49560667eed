import { sampleTrip } from '../support/testApp.js';

/** One scripted adversarial request. `mutation`: it would change state if it were (wrongly) accepted. */
export interface HostileRequest {
  user?: string;
  /** Overrides the bearer token (malformed, forged, …); `null` sends no Authorization header. */
  authorization?: string | null;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  mutation: boolean;
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const json = (value: unknown) => JSON.stringify(value);

/** Path ids a client could craft: traversal, encodings, very long, unicode, OData-ish, another user's. */
export function adversarialIds(foreignTripId: string): string[] {
  return [
    '..',
    '.',
    '%2e%2e',
    '%2E',
    'a'.repeat(200),
    '%E2%80%AE%E2%80%AD',
    "x'%20or%201%20eq%201",
    '%2F',
    'a:b',
    foreignTripId,
  ];
}

/** Bodies that are malformed, mistyped, over-deep, or valid-looking but out of range. */
export function adversarialBodies(): string[] {
  return [
    '',
    '{',
    '[]',
    'null',
    '"text"',
    '1e999',
    deep(4000),
    deep(40),
    json({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
    json({ name: 1 }),
    json(sampleTrip({ startDate: '0001-01-01', endDate: '0001-01-02' })),
    json(sampleTrip({ startDate: '2020-01-01', endDate: '2020-01-02' })),
    json(sampleTrip({ startDate: '9999-12-30', endDate: '9999-12-31' })),
    json(sampleTrip({ destination: { name: 'x', lat: 'abc', lng: true, countryCode: 'KR' } })),
    json(sampleTrip({ members: [] })),
    json(sampleTrip({ name: 'x'.repeat(10_000) })),
    json(sampleTrip({ extra: 'field' })),
    json({ memo: 1 }),
    json({ memo: 'x'.repeat(100_000) }),
    json({ contentType: 'text/html', sizeBytes: -1 }),
    json({ options: { useLlm: 'yes' } }),
  ];
}

export const BAD_IF_MATCH = ['garbage', '"a", "b"', 'W/', '"unterminated', `"${'x'.repeat(400)}"`, '\u00ff'];

/** Query strings for read routes: empty numbers, NaN, Infinity, hex, huge, crafted cursors. */
export function adversarialQueries(): string[] {
  const craftedToken = Buffer.from(json({ nextPartitionKey: 1, nextRowKey: { x: 1 } })).toString('base64url');
  return [
    'places/search?query=cafe&lat=&lng=',
    'places/search?query=cafe&lat=NaN&lng=NaN',
    'places/search?query=cafe&lat=Infinity&lng=1',
    'places/search?query=cafe&lat=0x10&lng=0x10',
    'places/search?query=cafe&lat=1e400&lng=1',
    'places/search?query=cafe&radius=-1',
    'places/search?query=cafe&size=0x10',
    'places/search?query=cafe&page=abc',
    'places/search?query=cafe&query=again',
    'places/search?query=' + 'x'.repeat(5000),
    'places/search?query=cafe&openNow=maybe',
    'places/search?query=cafe&provider=evil',
    'geocode?address=',
    'reverse-geocode?lat=&lng=',
    'reverse-geocode?lat=true&lng=false',
    'routes?from=abc&to=def',
    `trips?cursor=${craftedToken}`,
    'trips?cursor=%FF%FE',
    `trips?cursor=${'A'.repeat(3000)}`,
    'trips?pageSize=',
    'trips?pageSize=0',
    'trips?pageSize=1e3',
    'places/..%2F..%2Fetc%2Fpasswd',
    'places/kakao:' + 'x'.repeat(300),
  ];
}

/** MCP tools/call arguments that are mistyped or out of range, per tool. */
export function adversarialToolCalls(foreignTripId: string): { name: string; arguments: unknown }[] {
  const point = { lat: 37.57, lng: 126.97 };
  const many = Array.from({ length: 200 }, () => point);
  return [
    { name: 'search_places', arguments: { query: 'cafe', lat: true, lng: '' } },
    { name: 'search_places', arguments: { query: 'cafe', lat: '', lng: '' } },
    { name: 'search_places', arguments: { query: 'cafe', lat: null, lng: [1] } },
    { name: 'search_places', arguments: { query: { $gt: '' } } },
    { name: 'get_place_details', arguments: { id: '../../x' } },
    { name: 'get_place_details', arguments: { id: 1 } },
    { name: 'get_route', arguments: { from: { lat: 'a', lng: 1 }, to: point, mode: 'walk' } },
    { name: 'get_route', arguments: { from: point, to: point, mode: 'teleport' } },
    { name: 'compute_route_matrix', arguments: { origins: many, destinations: many } },
    { name: 'compute_route_matrix', arguments: { origins: [], destinations: [] } },
    { name: 'geocode', arguments: { address: '' } },
    { name: 'geocode', arguments: { address: 7 } },
    { name: 'reverse_geocode', arguments: { lat: true, lng: false } },
    { name: 'create_itinerary_job', arguments: { tripId: foreignTripId, options: { useLlm: false } } },
    { name: 'create_itinerary_job', arguments: { tripId: '..', options: { useLlm: 'no' } } },
    { name: 'get_job_status', arguments: { jobId: { $ne: null } } },
    { name: 'get_itinerary', arguments: { tripId: foreignTripId } },
    { name: 'get_itinerary', arguments: { tripId: 'a'.repeat(500) } },
    { name: 'no_such_tool', arguments: {} },
    { name: 'search_places', arguments: 'not an object' },
  ];
}

import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { OpeningPeriod, Place } from '../../../src/shared/domain/place.js';
import type { LocalApp } from '../../support/localApp.js';
import { callTool, connectMcp, errorOf, resultOf, startMcpApp, textOf } from './mcpClient.js';

const GYEONGBOKGUNG = { lat: 37.5796, lng: 126.977 };
const N_SEOUL_TOWER = { lat: 37.5512, lng: 126.9882 };
const NATIONAL_MUSEUM = { lat: 37.524, lng: 126.9804 };
const TOKYO_NATIONAL_MUSEUM = { lat: 35.7188, lng: 139.7765 };

const period = (day: number, open: string, close: string): OpeningPeriod => ({ day, open, close });

/** [tool, arguments, the field path the validation error must name] */
const BAD_ARGUMENTS: Array<[string, Record<string, unknown>, string]> = [
  ['search_places', {}, 'query'],
  ['search_places', { query: 'palace', lat: 37.5 }, 'lng'],
  ['search_places', { query: 'palace', size: 99 }, 'size'],
  ['search_places', { query: 'palace', provider: 'naver' }, 'provider'],
  ['search_places', { category: 'museum', lat: 37.5, lng: 127 }, 'category'],
  ['get_place_details', { id: 'naver:123' }, 'id'],
  ['get_place_details', { id: 'kakao:90010001', language: 'Korean' }, 'language'],
  ['get_route', { from: { lat: 100, lng: 0 }, to: N_SEOUL_TOWER }, 'from.lat'],
  ['get_route', { from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'plane' }, 'mode'],
  ['get_route', { from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, departAt: 'tomorrow' }, 'departAt'],
  ['compute_route_matrix', { origins: [], destinations: [N_SEOUL_TOWER] }, 'origins'],
  [
    'compute_route_matrix',
    { origins: Array(26).fill(GYEONGBOKGUNG), destinations: [N_SEOUL_TOWER] },
    'origins',
  ],
  ['geocode', { address: '   ' }, 'address'],
  ['reverse_geocode', { lat: 37.5 }, 'lng'],
  ['reverse_geocode', { lat: 'north', lng: 127 }, 'lat'],
];

describe('MCP place tools through the SDK client, against the sandbox upstream', () => {
  let local: LocalApp;
  let client: Client;

  beforeAll(async () => {
    local = await startMcpApp();
    client = await connectMcp(local.url, 'mcp-places');
    await client.listTools(); // the client validates outputs against the schemas it has listed
  });

  afterEach(() => local.sandbox.faults.clear());

  afterAll(async () => {
    await client?.close();
    await local?.stop();
  });

  it('search_places finds a Korean place through Kakao, as structuredContent and as text', async () => {
    const result = await callTool(client, 'search_places', { query: '경복궁', ...GYEONGBOKGUNG });
    const found = resultOf<{ places: Place[]; provider: string; page: number; hasMore: boolean }>(result);
    expect(found).toMatchObject({ provider: 'kakao', page: 1, hasMore: false });
    expect(found.places[0]).toMatchObject({
      id: 'kakao:90010001',
      name: '경복궁',
      category: 'culture',
      address: '서울 종로구 사직로 161',
    });
    expect(textOf(result)).toContain('- 경복궁 [kakao:90010001] culture — 서울 종로구 사직로 161');
  });

  it('search_places answers elsewhere through Google, in the requested language', async () => {
    const result = await callTool(client, 'search_places', {
      query: 'Tokyo National Museum',
      ...TOKYO_NATIONAL_MUSEUM,
      language: 'en',
    });
    const found = resultOf<{ places: Place[]; provider: string }>(result);
    expect(found.provider).toBe('google');
    expect(found.places[0]).toMatchObject({ provider: 'google', name: 'Tokyo National Museum' });
    expect(found.places[0]!.id).toMatch(/^google:/);
    expect(textOf(result)).toMatch(/^\d+ place\(s\) from google/);
  });

  it('get_place_details keeps the weekly opening periods in structuredContent and renders them', async () => {
    const search = resultOf<{ places: Place[] }>(
      await callTool(client, 'search_places', {
        query: 'Tokyo National Museum',
        ...TOKYO_NATIONAL_MUSEUM,
        language: 'en',
      }),
    );
    const result = await callTool(client, 'get_place_details', { id: search.places[0]!.id, language: 'en' });
    const place = resultOf<Place>(result);
    expect(place.name).toBe('Tokyo National Museum');
    // Sample data: Tu-Th,Su 09:30-17:00; Fr,Sa 09:30-20:00 (closed on Mondays).
    expect([...place.openingHours!.periods].sort((a, b) => a.day - b.day)).toEqual([
      period(0, '09:30', '17:00'),
      period(2, '09:30', '17:00'),
      period(3, '09:30', '17:00'),
      period(4, '09:30', '17:00'),
      period(5, '09:30', '20:00'),
      period(6, '09:30', '20:00'),
    ]);
    const text = textOf(result);
    expect(text).toContain('Mon: closed');
    expect(text).toContain('Fri: 09:30–20:00');
    expect(text).toContain(`[${place.id}]`);
  });

  it('get_place_details gives a Kakao place the hours matched from Google, and says so', async () => {
    await callTool(client, 'search_places', { query: '경복궁', ...GYEONGBOKGUNG });
    const result = await callTool(client, 'get_place_details', { id: 'kakao:90010001' });
    const place = resultOf<Place>(result);
    expect(place.openingHours?.source).toBe('google');
    // Sample data: We-Mo 09:00-18:00 (closed on Tuesdays).
    expect(place.openingHours!.periods.map((p) => p.day).sort()).toEqual([0, 1, 3, 4, 5, 6]);
    expect(place.openingHours!.periods.every((p) => p.open === '09:00' && p.close === '18:00')).toBe(true);
    expect(textOf(result)).toContain('Opening hours (from google):');
    expect(textOf(result)).toContain('Tue: closed');
  });

  it('get_place_details says not_found for a Kakao id never seen in a search', async () => {
    const result = await callTool(client, 'get_place_details', { id: 'kakao:12345678' });
    expect(errorOf(result)).toMatchObject({ code: 'not_found', transient: false });
    expect(textOf(result)).toMatch(/^not_found: Kakao has no place-details API/);
  });

  it('get_route takes a car leg in Korea from Kakao and estimates a walk, saying which', async () => {
    const car = await callTool(client, 'get_route', { from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'car' });
    const carLeg = resultOf<{
      distanceMeters: number;
      durationSeconds: number;
      provider: string;
      estimated: boolean;
    }>(car);
    expect(carLeg).toMatchObject({ mode: 'car', provider: 'kakao', estimated: false });
    expect(carLeg.distanceMeters).toBeGreaterThan(3_000);
    expect(textOf(car)).toMatch(/^car: \d+\.\d km, \d+ min \(kakao\)$/);

    const walk = await callTool(client, 'get_route', {
      from: GYEONGBOKGUNG,
      to: N_SEOUL_TOWER,
      mode: 'walk',
    });
    expect(resultOf(walk)).toMatchObject({ mode: 'walk', estimated: true });
    expect(textOf(walk)).toMatch(/\(estimated\)$/);
  });

  it('compute_route_matrix answers rows[origin][destination] in one call', async () => {
    const result = await callTool(client, 'compute_route_matrix', {
      origins: [GYEONGBOKGUNG, N_SEOUL_TOWER],
      destinations: [N_SEOUL_TOWER, NATIONAL_MUSEUM, GYEONGBOKGUNG],
      mode: 'car',
    });
    const { rows } = resultOf<{ rows: Array<Array<{ distanceMeters: number; durationSeconds: number }>> }>(
      result,
    );
    expect(rows.map((r) => r.length)).toEqual([3, 3]);
    expect(rows[0]![0]!.distanceMeters).toBeGreaterThan(0);
    expect(rows[0]![2]!.distanceMeters).toBe(0); // origin = destination
    expect(textOf(result).split('\n')).toHaveLength(2);
  });

  it('geocode resolves a Korean address through Kakao; reverse_geocode names the region', async () => {
    const forward = await callTool(client, 'geocode', { address: '서울 종로구 사직로 161' });
    const { results } = resultOf<{
      results: Array<{ location: { lat: number; lng: number }; provider: string }>;
    }>(forward);
    expect(results[0]).toMatchObject({ provider: 'kakao' });
    expect(results[0]!.location.lat).toBeCloseTo(GYEONGBOKGUNG.lat, 2);
    expect(textOf(forward)).toContain('via kakao');

    const reverse = await callTool(client, 'reverse_geocode', GYEONGBOKGUNG);
    const { result } = resultOf<{ result: { address: string; regions: string[] } | null }>(reverse);
    expect(result?.address).toMatch(/^서울/);
    expect(result!.regions.length).toBeGreaterThan(0);
    expect(textOf(reverse)).toContain(result!.address);
  });

  it.each(BAD_ARGUMENTS)(
    '%s with bad arguments %j → isError validation_failed naming %s',
    async (tool, args, path) => {
      const result = await callTool(client, tool, args);
      const error = errorOf(result);
      expect(error.code).toBe('validation_failed');
      expect(error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(textOf(result)).toMatch(new RegExp(`^validation_failed: .*${path.replace('.', '\\.')}: `));
    },
  );

  it('refuses arguments the tool does not define instead of forwarding them', async () => {
    const result = await callTool(client, 'geocode', { address: 'Seoul', key: 'leak-me' });
    expect(errorOf(result)).toMatchObject({ code: 'validation_failed' });
    expect(errorOf(result).message).toContain('key');
  });

  describe('provider outages (sandbox faults)', () => {
    it('search_places during a 503 outage of every provider → isError upstream_unavailable, transient', async () => {
      local.sandbox.faults.add({ kind: 'http_error', status: 503 });
      const result = await callTool(client, 'search_places', { query: '국립중앙박물관', ...NATIONAL_MUSEUM });
      expect(errorOf(result)).toMatchObject({ code: 'upstream_unavailable', transient: true });
      expect(textOf(result)).toMatch(/^upstream_unavailable: /);
    });

    it('geocode while Kakao throttles → answered by Google, as place search falls back', async () => {
      local.sandbox.faults.add({ kind: 'rate_limit', retryAfterSeconds: 30, upstream: 'kakao-local' });
      const result = await callTool(client, 'geocode', { address: '국립중앙박물관' });
      expect(resultOf<{ results: { provider: string }[] }>(result).results[0]).toMatchObject({
        provider: 'google',
      });
    });

    it('geocode while both providers throttle → isError upstream_quota_exceeded with the Retry-After', async () => {
      local.sandbox.faults.add({ kind: 'rate_limit', retryAfterSeconds: 30 });
      const result = await callTool(client, 'geocode', { address: '서울 용산구 서빙고로 137' });
      expect(errorOf(result)).toMatchObject({
        code: 'upstream_quota_exceeded',
        transient: true,
        retryAfterSeconds: 30,
      });
    });

    it('the same call succeeds once the outage is over (errors are not cached)', async () => {
      local.sandbox.faults.add({ kind: 'http_error', status: 503, times: 1_000 });
      const failed = await callTool(client, 'reverse_geocode', NATIONAL_MUSEUM);
      expect(errorOf(failed).code).toMatch(/^upstream_/);
      local.sandbox.faults.clear();
      const answered = await callTool(client, 'reverse_geocode', NATIONAL_MUSEUM);
      // Kakao's breaker may be open after this file's Kakao faults: Google then answers (with the country first).
      expect(resultOf<{ result: { address: string } }>(answered).result.address).toMatch(/서울특별시 용산구/);
    });
  });
});

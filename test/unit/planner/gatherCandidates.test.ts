import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import type { Place } from '../../../src/shared/domain/place.js';
import { gatherCandidates } from '../../../src/shared/planner/gatherCandidates.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import { FakePlaceSource } from '../../fixtures/planner/FakePlaceSource.js';
import { daily, makePlace, makeTrip } from '../../fixtures/planner/planFixtures.js';

function city(): Place[] {
  const places: Place[] = [];
  const categories = ['attraction', 'culture', 'nature', 'shopping'] as const;
  for (let i = 0; i < 40; i++) {
    const angle = (2 * Math.PI * i) / 40;
    places.push(
      makePlace({
        id: `google:v${i}`,
        name: i % 5 === 0 ? `History Museum ${i}` : `Place ${i}`,
        category: categories[i % 4]!,
        at: [3000 * Math.cos(angle), 3000 * Math.sin(angle)],
        ...(i % 2 === 0 ? { openingHours: undefined } : {}),
      }),
    );
  }
  for (let i = 0; i < 12; i++) {
    places.push(
      makePlace({
        id: `google:r${i}`,
        category: 'restaurant',
        at: [400 * i - 2000, 300],
        openingHours: daily('11:00', '22:00'),
      }),
    );
  }
  return places;
}

const trip = makeTrip({
  endDate: '2025-06-05',
  members: [
    {
      name: 'A',
      age: 40,
      preferences: [
        'museum',
        'history',
        'nature',
        'shopping',
        'art',
        'food',
        'cafe',
        'zoo',
        'beach',
        'temples',
      ],
    },
  ],
});

describe('gatherCandidates', () => {
  it('bounds every kind of upstream call and reports the counts', async () => {
    const places = city();
    const details = new Map(
      places
        .filter((p) => !p.openingHours)
        .map((p) => [p.id, { ...p, openingHours: daily('09:00', '17:00') }]),
    );
    const source = new FakePlaceSource({ places, details });
    const result = await gatherCandidates(source, trip, {
      maxSearchCalls: 6,
      maxDetailsCalls: 4,
      maxCandidates: 20,
      maxMatrixElements: 10_000,
    });

    expect(source.searches).toHaveLength(6);
    // The first circle is the nearest (5 km by car), restaurants first.
    expect(source.searches[0]).toMatchObject({
      category: 'restaurant',
      radiusMeters: 5_000,
      size: 15,
      language: 'en',
    });
    expect(source.detailIds).toHaveLength(4);
    expect(source.matrixCalls).toHaveLength(1);
    expect(result.calls).toEqual({ search: 6, details: 4, matrix: 1, total: 11 });
    expect(result.places).toHaveLength(20);
    expect(new Set(result.places.map((p) => p.id)).size).toBe(20);
    // Detail calls went only to kept places without hours, and filled them in.
    const keptWithoutHours = new Set(result.places.filter((p) => details.has(p.id)).map((p) => p.id));
    expect(source.detailIds.every((id) => keptWithoutHours.has(id))).toBe(true);
    const filled = result.places.filter((p) => details.has(p.id) && p.openingHours !== undefined);
    expect(filled).toHaveLength(4);
    const matrix = result.matrices.car!;
    expect(matrix).toHaveLength(21);
    expect(matrix.every((row) => row.length === 21 && row.every((cell) => !cell.estimated))).toBe(true);
    expect(result.estimatedCells).toBe(0);
  });

  it('splits the matrix into one call per geographic cluster when it would be too large, estimating the rest', async () => {
    const source = new FakePlaceSource({ places: city() });
    const result = await gatherCandidates(source, trip, {
      maxCandidates: 30,
      maxMatrixElements: 100,
      maxDetailsCalls: 0,
    });
    expect(source.matrixCalls.length).toBeGreaterThanOrEqual(3);
    expect(result.calls.matrix).toBe(source.matrixCalls.length);
    for (const call of source.matrixCalls)
      expect(call.origins.length * call.destinations.length).toBeLessThanOrEqual(121);
    const matrix = result.matrices.car!;
    const estimated = matrix.flat().filter((cell) => cell.estimated).length;
    expect(estimated).toBeGreaterThan(0);
    expect(result.estimatedCells).toBeLessThanOrEqual(estimated);
    // The accommodation row is always measured, since every call includes it.
    expect(matrix[0]!.every((cell) => !cell.estimated)).toBe(true);
  });

  it('falls back to estimates marked estimated when the matrix call fails, and the planner still plans', async () => {
    const source = new FakePlaceSource({ places: city(), failMatrix: true });
    const result = await gatherCandidates(source, trip, { maxCandidates: 25 });
    expect(result.warnings.map((w) => w.code)).toContain('matrix_failed');
    expect(result.matrices.car!.flat().every((cell) => cell.estimated)).toBe(true);
    const plan = planItinerary({ trip, places: result.places, matrices: result.matrices });
    expect(plan.days).toHaveLength(3);
    expect(plan.violations).toEqual([]);
    expect(plan.notes.some((n) => n.includes('estimated from distance'))).toBe(true);
  });

  it('keeps going when some searches fail, and fails when all do', async () => {
    // Preferences are searched in the provider's language (Korean for Kakao): "museum" → 박물관.
    const partly = new FakePlaceSource({ places: city(), failSearch: (q) => q.query === '박물관' });
    const result = await gatherCandidates(partly, trip);
    expect(result.warnings).toContainEqual({
      code: 'search_failed',
      message: 'search "박물관" failed: search failed',
    });
    expect(result.places.length).toBeGreaterThan(0);

    const down = new FakePlaceSource({ places: city(), failSearch: () => true });
    await expect(gatherCandidates(down, trip)).rejects.toMatchObject({ code: 'upstream_unavailable' });
  });

  it('stops at once when the job is cancelled', async () => {
    const source = new FakePlaceSource({ places: city() });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(gatherCandidates(source, trip, {}, controller.signal)).rejects.toThrow('cancelled');
    expect(source.searches).toHaveLength(0);
  });
});

describe('gatherCandidates: opening hours for meals', () => {
  it('spends the detail budget on restaurants first, so dinner can be planned (Kakao places come without hours)', async () => {
    const withoutHours = city().map((p) => ({ ...p, openingHours: undefined }));
    const details = new Map(
      withoutHours.map((p) => [
        p.id,
        {
          ...p,
          openingHours: p.category === 'restaurant' ? daily('11:00', '22:00') : daily('09:00', '18:00'),
        },
      ]),
    );
    const source = new FakePlaceSource({ places: withoutHours, details });
    const gathered = await gatherCandidates(source, trip, { maxDetailsCalls: 10 });
    const restaurantIds = new Set(withoutHours.filter((p) => p.category === 'restaurant').map((p) => p.id));
    expect(source.detailIds).toHaveLength(10);
    expect(source.detailIds.slice(0, 5).every((id) => restaurantIds.has(id))).toBe(true);
    expect(source.detailIds.slice(5).some((id) => !restaurantIds.has(id))).toBe(true);
    const plan = planItinerary({ trip, places: gathered.places, matrices: gathered.matrices });
    expect(plan.metrics.violationsByMetric['7']).toBe(0);
  });
});

describe('gatherCandidates: widening to the destination', () => {
  /** A source that, like the providers, answers only within the asked radius. */
  class RadiusSource extends FakePlaceSource {
    constructor(private readonly all: Place[]) {
      super({ places: all });
    }
    override async searchPlaces(query: Parameters<FakePlaceSource['searchPlaces']>[0], signal?: AbortSignal) {
      const found = await super.searchPlaces({ ...query, size: 1_000 }, signal);
      return found
        .filter((p) => haversineMeters(query.near, p.location) <= query.radiusMeters)
        .slice(0, query.size);
    }
  }

  it('widens the search step by step until every day has places and meals, and reports the calls', async () => {
    const far = [
      ...Array.from({ length: 20 }, (_, i) =>
        makePlace({ category: 'culture', at: [9_000 + 100 * i, 0], openingHours: daily('09:00', '18:00') }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        makePlace({
          category: 'restaurant',
          at: [0, 9_000 + 100 * i],
          openingHours: daily('11:00', '22:00'),
        }),
      ),
    ];
    const source = new RadiusSource(far);
    const walkTrip = makeTrip({ endDate: '2025-06-04', transport: { mode: 'transit' } });
    const result = await gatherCandidates(source, walkTrip, { maxDetailsCalls: 0 });
    const radii = source.searches.map((q) => q.radiusMeters);
    expect(radii[0]).toBe(2_000);
    expect(Math.max(...radii)).toBeGreaterThanOrEqual(16_000);
    expect(radii).toEqual([...radii].sort((a, b) => a - b));
    expect(result.places.filter((p) => p.category === 'restaurant').length).toBeGreaterThanOrEqual(6);
    expect(result.searchRadiusMeters).toBeGreaterThanOrEqual(16_000);
    expect(result.calls.search).toBe(source.searches.length);
  });

  it('stops widening as soon as there is enough near the accommodation', async () => {
    const source = new RadiusSource(city());
    await gatherCandidates(source, makeTrip({ transport: { mode: 'transit' } }), { maxDetailsCalls: 0 });
    expect(Math.max(...source.searches.map((q) => q.radiusMeters))).toBeLessThanOrEqual(4_000);
  });

  it('never keeps places outside the destination (no Korean places on a Tokyo trip)', async () => {
    const tokyo = { lat: 35.6812, lng: 139.7671 };
    const seoulPlaces = city();
    const tokyoPlaces = seoulPlaces.map((p, i) => ({
      ...p,
      id: `google:tokyo${i}`,
      location: { lat: tokyo.lat + (p.location.lat - 37.5665), lng: tokyo.lng + (p.location.lng - 126.978) },
    }));
    const source = new FakePlaceSource({ places: [...seoulPlaces, ...tokyoPlaces] });
    const tokyoTrip = makeTrip({
      accommodation: { name: 'Ginza hotel', ...tokyo },
      destination: { ...tokyo, countryCode: 'JP' },
    });
    const result = await gatherCandidates(source, tokyoTrip, { maxDetailsCalls: 0 });
    expect(result.places.length).toBeGreaterThan(0);
    expect(result.places.every((p) => p.id.startsWith('google:tokyo'))).toBe(true);
  });
});

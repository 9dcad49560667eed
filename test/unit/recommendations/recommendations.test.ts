import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import { recommendationParamsSchema } from '../../../src/shared/recommendations/recommendationParams.js';
import {
  openingStatus,
  RecommendationService,
} from '../../../src/shared/recommendations/RecommendationService.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { FakePlaceSource } from '../../fixtures/planner/FakePlaceSource.js';
import { daily, HOTEL, makePlace } from '../../fixtures/planner/planFixtures.js';

describe('recommendation parameters', () => {
  it('reads the group from the query and rejects what no answer could satisfy, with field paths', () => {
    const params = recommendationParamsSchema.parse({
      lat: '37.5',
      lng: '127',
      ages: '40,72,3',
      preferences: 'temples, market',
    });
    expect(params).toMatchObject({
      ages: [40, 72, 3],
      preferences: ['temples', 'market'],
      mobility: 'full',
      limit: 10,
    });
    const bad = recommendationParamsSchema.safeParse({ lat: '95', lng: '127', ages: 'old', time: '10:00' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lat', 'ages', 'date']));
  });
});

describe('openingStatus', () => {
  const place = makePlace({ category: 'culture', openingHours: daily('10:00', '18:00', [1]) });
  it('says open until, closed until it opens, closed all day, or unknown', () => {
    expect(openingStatus(place, '2025-06-03', '12:00')).toEqual({ status: 'open', until: '18:00' });
    expect(openingStatus(place, '2025-06-03', '08:30')).toEqual({ status: 'closed', opensAt: '10:00' });
    expect(openingStatus(place, '2025-06-02', '12:00')).toEqual({ status: 'closed_today' });
    expect(openingStatus({ ...place, openingHours: undefined }, '2025-06-03', '12:00')).toEqual({
      status: 'unknown',
    });
  });
});

describe('RecommendationService', () => {
  it('ranks suitable places for the group with reasons, never unsuitable ones, and answers repeats from the cache', async () => {
    const temple = makePlace({
      category: 'culture',
      name: 'Quiet Temple',
      categories: ['buddhist_temple'],
      at: [600, 0],
      wheelchairAccessible: true,
    });
    const mountain = makePlace({
      category: 'nature',
      name: 'Steep Peak',
      categories: ['hiking_area'],
      at: [300, 0],
      rating: 5,
      ratingCount: 9000,
    });
    const steps = makePlace({
      category: 'culture',
      name: 'Stair Shrine',
      categories: ['shinto_shrine'],
      at: [200, 0],
      wheelchairAccessible: false,
    });
    const source = new FakePlaceSource({ places: [temple, mountain, steps] });
    const cache = new TieredCache({
      l1MaxEntries: 100,
      l1TtlMs: 60_000,
      metrics: new Metrics(),
      now: () => Date.now(),
    });
    const service = new RecommendationService(source, cache);
    const params = recommendationParamsSchema.parse({
      lat: String(HOTEL.lat),
      lng: String(HOTEL.lng),
      ages: '70',
      mobility: 'wheelchair',
      preferences: 'temples',
      language: 'ko',
      date: '2025-06-03',
      time: '12:00',
    });
    const first = await service.recommend(params);
    expect(first.cache).toBe('miss');
    expect(first.recommendations.map((r) => r.place.name)).toEqual(['Quiet Temple']);
    expect(first.recommendations[0]!.reason).toContain('temples 취향에 맞는 곳');
    expect(first.recommendations[0]!.opening).toEqual({ status: 'open', until: '18:00' });
    const searches = source.searches.length;
    const again = await service.recommend(params);
    expect(again.cache).toBe('hit');
    expect(source.searches.length).toBe(searches);
  });
});

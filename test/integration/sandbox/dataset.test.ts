import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { buildDataset } from '../../../src/local/sandbox/data/buildDataset.js';
import { formatDatasetJson } from '../../../src/local/sandbox/data/formatDatasetJson.js';
import { parsePlaceSource } from '../../../src/local/sandbox/data/parsePlaceSource.js';
import { readPlaceSources } from '../../../src/local/sandbox/data/readPlaceSources.js';
import { SandboxDataset } from '../../../src/local/sandbox/dataset/SandboxDataset.js';
import { PLACE_CATEGORIES } from '../../../src/shared/domain/place.js';
import { categoryFromGoogleTypes } from '../../../src/shared/providers/google/googlePlaceTypes.js';
import { categoryFromKakao } from '../../../src/shared/providers/kakao/kakaoCategories.js';

const places = SandboxDataset.bundled().all();

/** Rough boxes around each city (Tokyo's includes Mount Takao and Disneyland in Chiba). */
const CITY_BOUNDS = {
  seoul: { lat: [37.4, 37.7], lng: [126.8, 127.2] },
  busan: { lat: [35.0, 35.35], lng: [128.9, 129.3] },
  jeju: { lat: [33.1, 33.6], lng: [126.1, 127.0] },
  tokyo: { lat: [35.55, 35.8], lng: [139.2, 139.95] },
} as const;

const closedOn = (day: number) => (p: (typeof places)[number]) =>
  p.openingHours !== undefined && !p.openingHours.some((period) => period.day === day);

describe('the bundled sample dataset', () => {
  it('is what the generator makes from the source tables (regenerate with generateDataset.ts)', async () => {
    const committed = await readFile(
      new URL('../../../src/local/sandbox/data/places.json', import.meta.url),
      'utf8',
    );

    expect(committed).toBe(await formatDatasetJson(buildDataset(await readPlaceSources())));
  });

  it('holds 200+ real places in Seoul, Busan, Jeju and Tokyo, every category in every city', () => {
    expect(places.length).toBeGreaterThanOrEqual(200);
    for (const city of Object.keys(CITY_BOUNDS)) {
      const inCity = places.filter((p) => p.city === city);
      expect(inCity.length, city).toBeGreaterThanOrEqual(40);
      expect(new Set(inCity.map((p) => p.category)), city).toStrictEqual(new Set(PLACE_CATEGORIES));
    }
  });

  it('gives every place unique Kakao and Google ids, both names and addresses, and a spot inside its city', () => {
    expect(new Set(places.map((p) => p.kakaoId)).size).toBe(places.length);
    expect(new Set(places.map((p) => p.googleId)).size).toBe(places.length);
    for (const p of places) {
      const bounds = CITY_BOUNDS[p.city];
      expect(p.location.lat, p.name.en).toBeGreaterThanOrEqual(bounds.lat[0]);
      expect(p.location.lat, p.name.en).toBeLessThanOrEqual(bounds.lat[1]);
      expect(p.location.lng, p.name.en).toBeGreaterThanOrEqual(bounds.lng[0]);
      expect(p.location.lng, p.name.en).toBeLessThanOrEqual(bounds.lng[1]);
      expect(p.name.ko && p.name.en && p.address.ko && p.address.en, p.kakaoId).toBeTruthy();
    }
  });

  it('covers the opening-hour cases planners must handle', () => {
    const kinds = (list: string[]) => (p: (typeof places)[number]) => list.includes(p.kind);

    expect(places.filter(kinds(['museum', 'gallery'])).filter(closedOn(1)).length).toBeGreaterThanOrEqual(5);
    expect(
      places
        .filter(kinds(['palace', 'shrine']))
        .filter(closedOn(2))
        .map((p) => p.name.en),
    ).toStrictEqual(['Gyeongbokgung Palace', 'Jongmyo Shrine']);
    expect(
      places.filter((p) => p.openingHours?.some((period) => period.closeDay !== undefined)).length,
    ).toBeGreaterThanOrEqual(5);
    expect(places.filter((p) => p.hoursText === '24/7').length).toBeGreaterThanOrEqual(5);
    expect(places.filter((p) => p.openingHours === undefined).length).toBeGreaterThanOrEqual(5);
  });

  it('maps back to its own category through the Kakao and Google converters', () => {
    // Google has no place type for cable cars or river cruises, so it calls them attractions.
    const googleSaysAttraction = new Set(['cablecar', 'cruise']);
    for (const p of places) {
      expect(categoryFromKakao(p.kakao.groupCode, p.kakao.categoryName), p.name.en).toBe(p.category);
      const google = categoryFromGoogleTypes(p.google.primaryType, p.google.types);
      expect(google, p.name.en).toBe(googleSaysAttraction.has(p.kind) ? 'attraction' : p.category);
    }
  });

  it('rejects a malformed source row with its file and line', () => {
    const row = '90019999 | 어딘가 | Somewhere | nowhere | 37.5,127 | 서울 | Seoul | 4.5/10 | | | |';

    expect(() => parsePlaceSource('seoul.txt', `# header\n${row}\n`)).toThrow(
      'seoul.txt:2: unknown kind "nowhere"',
    );
  });
});

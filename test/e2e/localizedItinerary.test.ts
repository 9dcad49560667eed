import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { sampleTrip } from '../support/testApp.js';

/** English names of the sandbox's Kakao places (what Google answers in English for their match). */
const ENGLISH = new Map(
  (
    JSON.parse(
      readFileSync(new URL('../../src/local/sandbox/data/places.json', import.meta.url), 'utf8'),
    ) as { places: { kakaoId: string; name: Record<string, string> }[] }
  ).places.map((p) => [`kakao:${p.kakaoId}`, p.name.en]),
);

interface ItineraryPlace {
  id: string;
  name: string;
  nameOriginal?: string;
  originalLanguage?: string;
  nameSource?: string;
  openingHours?: { weekdayDescriptions?: string[] };
}
interface Itinerary {
  language: string;
  days: { items: { kind: string; place?: ItineraryPlace }[] }[];
  warnings: { code: string }[];
  dropped: { placeId?: string; name?: string; nameOriginal?: string; location?: unknown }[];
}

const HANGUL = /[\uAC00-\uD7AF]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u;
const JAPANESE_OR_LATIN =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}ー]+$/u;

const TOKYO = {
  name: 'Tokyo weekend',
  destination: { name: 'Tokyo', lat: 35.6812, lng: 139.7671, countryCode: 'JP' },
  accommodation: { name: 'Hotel near Tokyo Station', lat: 35.6812, lng: 139.7671 },
};

async function waitForJob(local: LocalApp, user: string, jobId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await local.call(user, `/api/jobs/${jobId}`)).json()) as { status: string };
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const placesOf = (itinerary: Itinerary) =>
  itinerary.days.flatMap((d) => d.items).flatMap((i) => (i.place ? [i.place] : []));

describe('itineraries in the traveller’s language, through the local host (sandbox Google + Translator)', () => {
  let local: LocalApp;
  const user = 'hana';

  beforeAll(async () => {
    local = await startLocalApp({
      env: { TRANSLATOR_TIMEOUT_MS: '500' },
      hostJson: {
        version: '2.0',
        extensions: {
          http: { routePrefix: 'api' },
          queues: { visibilityTimeout: '00:00:00', maxDequeueCount: 5, maxPollingInterval: '00:00:00.200' },
        },
      },
    });
  });
  afterAll(async () => local?.stop());

  async function generated(overrides: Record<string, unknown>): Promise<string> {
    const created = await local.call(user, '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleTrip(overrides)),
    });
    expect(created.status).toBe(201);
    const trip = (await created.json()) as { id: string };
    const accepted = await local.call(user, `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect(await waitForJob(local, user, jobId)).toMatchObject({ status: 'completed' });
    return trip.id;
  }

  async function itinerary(tripId: string, query = '', headers: Record<string, string> = {}) {
    const res = await local.call(user, `/api/trips/${tripId}/itinerary${query}`, { headers });
    expect(res.status).toBe(200);
    return { body: (await res.json()) as Itinerary, res };
  }

  let seoulTrip: string;

  it('a Seoul trip in English: every name in Latin script with the Korean original beside it', async () => {
    seoulTrip = await generated({ language: 'en' });

    const { body, res } = await itinerary(seoulTrip);

    const places = placesOf(body);
    expect(places.length).toBeGreaterThan(4);
    expect(body.language).toBe('en');
    expect(res.headers.get('content-language')).toBe('en');
    expect(places.filter((p) => !LATIN_ONLY.test(p.name))).toStrictEqual([]);
    const kakao = places.filter((p) => p.id.startsWith('kakao:'));
    expect(kakao.length).toBeGreaterThan(0);
    expect(kakao.every((p) => HANGUL.test(p.nameOriginal ?? '') && p.originalLanguage === 'ko')).toBe(true);
    const withHours = places.filter((p) => p.openingHours?.weekdayDescriptions);
    expect(withHours.every((p) => p.openingHours!.weekdayDescriptions![0]!.startsWith('Monday: '))).toBe(
      true,
    );
    expect(body.warnings.filter((w) => w.code === 'translation_unavailable')).toStrictEqual([]);
    expect(body.dropped.filter((d) => d.name && !LATIN_ONLY.test(d.name))).toStrictEqual([]);
    expect(body.dropped.some((d) => HANGUL.test(d.nameOriginal ?? ''))).toBe(true);
    // Left-out places get the provider's English name (via the Google match), not a transliteration,
    // and their stored location stays internal.
    const matched = body.dropped.filter((d) => d.placeId && ENGLISH.get(d.placeId));
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.filter((d) => d.name !== ENGLISH.get(d.placeId!))).toStrictEqual([]);
    expect(body.dropped.filter((d) => d.location !== undefined)).toStrictEqual([]);
  });

  it('?language=ja reads the same plan in Japanese (or transliterated) without a new job', async () => {
    const jobsBefore = await local.call(user, `/api/trips/${seoulTrip}`).then((r) => r.json());

    const { body } = await itinerary(seoulTrip, '?language=ja');
    const english = placesOf((await itinerary(seoulTrip)).body);

    const places = placesOf(body);
    expect(body.language).toBe('ja');
    expect(places.map((p) => p.id)).toStrictEqual(english.map((p) => p.id));
    expect(places.filter((p) => !JAPANESE_OR_LATIN.test(p.name))).toStrictEqual([]);
    expect(places.some((p) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(p.name))).toBe(true);
    expect(places.filter((p) => p.openingHours?.weekdayDescriptions?.[0]?.startsWith('月曜日')).length).toBe(
      places.filter((p) => p.openingHours?.weekdayDescriptions).length,
    );
    expect(await local.call(user, `/api/trips/${seoulTrip}`).then((r) => r.json())).toStrictEqual(jobsBefore);
  });

  it('Accept-Language picks the language when no parameter is given; an unknown code is a 400', async () => {
    const { body } = await itinerary(seoulTrip, '', { 'accept-language': 'xx, zh-TW;q=0.9, en;q=0.5' });
    const bad = await local.call(user, `/api/trips/${seoulTrip}/itinerary?language=xx`);

    expect(body.language).toBe('zh-Hant');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0]!.path).toBe('query.language');
    expect(problem.errors[0]!.message).toContain('ko, en, ja, zh-Hans, zh-Hant');
  });

  it('a Tokyo trip in Korean: Korean names where Google has them, the Japanese original beside', async () => {
    const tokyoTrip = await generated({ ...TOKYO, language: 'ko' });

    const { body } = await itinerary(tokyoTrip);

    const places = placesOf(body);
    expect(places.length).toBeGreaterThan(2);
    expect(places.every((p) => HANGUL.test(p.name) || LATIN_ONLY.test(p.name))).toBe(true);
    const famous = places.filter((p) => p.originalLanguage === 'ja' && p.nameSource === 'provider');
    expect(famous.length).toBeGreaterThan(0);
    expect(famous.every((p) => p.nameOriginal && !HANGUL.test(p.nameOriginal))).toBe(true);
  });

  it('a Translator outage (5xx, 429 + Retry-After, timeout) keeps the original names and warns', async () => {
    for (const fault of [
      { kind: 'http_error', status: 503 },
      { kind: 'rate_limit', retryAfterSeconds: 30 },
      { kind: 'timeout' },
    ] as const) {
      local.sandbox.faults.clear();
      local.sandbox.faults.add({ ...fault, upstream: 'translator' });
      // Busan restaurants Google has no Chinese names for: Translator is needed, and down.
      const query = `query=${encodeURIComponent('돼지국밥')}&lat=35.1&lng=129.04&radius=20000&size=5`;
      const res = await local.call(user, `/api/places/search?${query}&language=zh-Hans`);
      expect(res.status).toBe(200);
      const result = (await res.json()) as { places: ItineraryPlace[]; warnings?: { code: string }[] };
      expect(result.warnings?.map((w) => w.code)).toStrictEqual(['translation_unavailable']);
      expect(result.places.some((p) => HANGUL.test(p.name) && p.nameSource === undefined)).toBe(true);
    }
    local.sandbox.faults.clear();
  });
});

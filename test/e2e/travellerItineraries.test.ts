import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isStrenuous } from '../../src/shared/planner/placeTraits.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';

/** One trip per sandbox city, each with a group the planner must take care of. */
const CITY_TRIPS = [
  {
    city: 'Seoul',
    language: 'ko',
    destination: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
    accommodation: { name: 'Hongdae guesthouse', lat: 37.5563, lng: 126.9236 },
    transport: { mode: 'transit' },
    members: [
      { name: '할머니', age: 78, health: { mobility: 'limited' }, preferences: ['고궁', '시장'] },
      { name: '민지', age: 40, preferences: ['맛집'] },
    ],
    script: /[가-힣]/,
  },
  {
    city: 'Busan',
    language: 'en',
    destination: { name: 'Busan', lat: 35.1796, lng: 129.0756, countryCode: 'KR' },
    accommodation: { name: 'Haeundae hotel', lat: 35.1587, lng: 129.1604 },
    transport: { mode: 'transit' },
    members: [
      {
        name: 'Sam',
        age: 41,
        health: { mobility: 'wheelchair', notes: 'vegetarian' },
        preferences: ['beach', 'museum'],
      },
    ],
    script: /[A-Za-z]/,
  },
  {
    city: 'Jeju',
    language: 'ja',
    destination: { name: 'Jeju', lat: 33.4996, lng: 126.5312, countryCode: 'KR' },
    accommodation: { name: 'Jeju City hotel', lat: 33.4996, lng: 126.5312 },
    transport: { mode: 'car' },
    members: [
      { name: 'Aki', age: 35, preferences: ['滝', '海鮮'] },
      { name: 'Ren', age: 3, preferences: [] },
    ],
    script: /[\u3040-\u30ff\u4e00-\u9fff]/,
  },
  {
    city: 'Tokyo',
    language: 'en',
    destination: { name: 'Tokyo', lat: 35.6812, lng: 139.7671, countryCode: 'JP' },
    accommodation: { name: 'Asakusa ryokan', lat: 35.712, lng: 139.795 },
    transport: { mode: 'transit' },
    members: [{ name: 'Eva', age: 30, preferences: ['temples', 'food'] }],
    script: /[A-Za-z]/,
  },
] as const;

interface Item {
  kind: string;
  start: string;
  end: string;
  meal?: string;
  reason?: string;
  place?: {
    id: string;
    name: string;
    location: { lat: number; lng: number };
    categories: string[];
    category: string;
    wheelchairAccessible?: boolean;
  };
  travel?: { distanceMeters: number };
}

async function waitForJob(local: LocalApp, jobId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await (await local.call('traveller', `/api/jobs/${jobId}`)).json()) as { status: string };
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('itineraries a traveller would keep: one trip per city through the local host', () => {
  let local: LocalApp;
  beforeAll(async () => {
    local = await startLocalApp();
  }, 60_000);
  afterAll(async () => local?.stop());

  for (const spec of CITY_TRIPS) {
    it(
      `${spec.city}: every day has visits, lunch and dinner at new restaurants, suitable places, reasons in ${spec.language}`,
      { timeout: 90_000 },
      async () => {
        const body = {
          name: `${spec.city} e2e`,
          destination: spec.destination,
          startDate: '2026-12-07',
          endDate: '2026-12-09',
          dailyStart: '09:00',
          dailyEnd: '21:00',
          accommodation: spec.accommodation,
          transport: spec.transport,
          members: spec.members,
          language: spec.language,
        };
        const created = await local.call('traveller', '/api/trips', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };
        const accepted = await local.call('traveller', `/api/trips/${id}/itinerary-jobs`, { method: 'POST' });
        const { jobId } = (await accepted.json()) as { jobId: string };
        expect(await waitForJob(local, jobId)).toMatchObject({ status: 'completed' });
        const itinerary = (await (await local.call('traveller', `/api/trips/${id}/itinerary`)).json()) as {
          days: { date: string; items: Item[] }[];
          warnings: { code: string; message: string }[];
          metrics: { violations: number };
        };
        expect(itinerary.days).toHaveLength(3);
        expect(itinerary.metrics.violations).toBe(0);
        const meals = itinerary.days.flatMap((d) => d.items.filter((i) => i.kind === 'meal'));
        for (const day of itinerary.days) {
          expect(day.items.filter((i) => i.kind === 'visit').length).toBeGreaterThanOrEqual(2);
          expect(day.items.filter((i) => i.meal === 'lunch')).toHaveLength(1);
          expect(day.items.filter((i) => i.meal === 'dinner')).toHaveLength(1);
          expect(day.items.every((i) => i.kind !== 'travel' || i.travel!.distanceMeters > 0)).toBe(true);
        }
        expect(new Set(meals.map((m) => m.place!.id)).size).toBe(meals.length);
        const stops = itinerary.days.flatMap((d) =>
          d.items.filter((i) => i.kind === 'visit' || i.kind === 'meal'),
        );
        for (const stop of stops) expect(stop.reason ?? '').toMatch(spec.script);
        const visits = stops.filter((s) => s.kind === 'visit');
        // Never the other country: Tokyo trips stay in Japan, Korean trips in Korea.
        const lngs = visits.map((v) => v.place!.location.lng);
        if (spec.city === 'Tokyo') expect(lngs.every((lng) => lng > 138)).toBe(true);
        else expect(lngs.every((lng) => lng < 131)).toBe(true);
        const sensitive = spec.members.some((m) => m.age >= 75 || m.age <= 4 || 'health' in m);
        if (sensitive) expect(visits.filter((v) => isStrenuous(v.place as never))).toEqual([]);
        if (spec.members.some((m) => 'health' in m && m.health.mobility === 'wheelchair'))
          expect(stops.filter((s) => s.place!.wheelchairAccessible === false)).toEqual([]);
        // Warnings are sentences for the traveller, never internal counters or JSON.
        for (const w of itinerary.warnings)
          expect(w.message).not.toMatch(/matrix_estimated|\{"|legs are estimated/);
      },
    );
  }

  it(
    'recommends places suited to the group in every city, with reasons and opening status',
    { timeout: 60_000 },
    async () => {
      for (const spec of CITY_TRIPS) {
        const { lat, lng } = spec.accommodation;
        const ages = spec.members.map((m) => m.age).join(',');
        const mobilities: string[] = spec.members.map((m) => ('health' in m ? m.health.mobility : 'full'));
        const mobility = mobilities.includes('wheelchair')
          ? 'wheelchair'
          : mobilities.includes('limited')
            ? 'limited'
            : 'full';
        const query = new URLSearchParams({
          lat: String(lat),
          lng: String(lng),
          countryCode: spec.destination.countryCode,
          ages,
          mobility,
          preferences: spec.members.flatMap((m) => m.preferences).join(','),
          date: '2026-12-08',
          time: '14:00',
          language: spec.language,
          limit: '8',
        });
        const res = await local.call('traveller', `/api/recommendations?${query}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          recommendations: { place: Item['place']; reason: string; opening: { status: string } }[];
        };
        expect(body.recommendations.length).toBeGreaterThan(3);
        for (const r of body.recommendations) {
          expect(r.reason).toMatch(spec.script);
          expect(['open', 'closed', 'closed_today', 'unknown']).toContain(r.opening.status);
          if (mobility === 'wheelchair') expect(r.place!.wheelchairAccessible).not.toBe(false);
          if (mobility !== 'full') expect(isStrenuous(r.place as never)).toBe(false);
        }
      }
      const bad = await local.call('traveller', '/api/recommendations?lat=999&lng=1');
      expect(bad.status).toBe(400);
    },
  );
});

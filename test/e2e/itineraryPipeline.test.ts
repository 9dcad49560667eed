import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { AppError } from '../../src/shared/errors/AppError.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { sampleTrip } from '../support/testApp.js';
import { waitForEmptyQueue, waitForJob } from '../support/waitFor.js';

const POISON_TRIP = 'Trip that always fails';

describe('itinerary pipeline end to end (local host + Azurite + sandbox)', () => {
  let local: LocalApp;
  let crashes = 0;

  beforeAll(async () => {
    local = await startLocalApp({
      hostJson: {
        version: '2.0',
        extensions: {
          http: { routePrefix: 'api' },
          queues: { visibilityTimeout: '00:00:00', maxDequeueCount: 5, maxPollingInterval: '00:00:00.200' },
        },
      },
      build: {
        afterStore: async () => {
          if (crashes-- > 0) throw new Error('worker process crashed');
        },
        wrapGenerator: (real) => ({
          generate: async (trip, options, report, signal) => {
            if (trip.name === POISON_TRIP) throw new AppError('upstream_unavailable', 'always down');
            return real.generate(trip, options, report, signal);
          },
        }),
      },
    });
  });
  afterAll(async () => local?.stop());

  async function createTrip(user: string, overrides: Record<string, unknown> = {}) {
    const res = await local.call(user, '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleTrip(overrides)),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }

  it('creates a trip, generates its itinerary and serves it, with zero violations', async () => {
    const trip = await createTrip('alice');
    const accepted = await local.call('alice', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
    expect(accepted.status).toBe(202);
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect(accepted.headers.get('location')).toBe(`/api/jobs/${jobId}`);
    expect(await waitForJob(local, 'alice', jobId)).toMatchObject({ status: 'completed' });

    const res = await local.call('alice', `/api/trips/${trip.id}/itinerary`);
    expect(res.status).toBe(200);
    const itinerary = (await res.json()) as {
      days: { date: string; items: { kind: string; place?: { id: string } }[] }[];
      metrics: { violationsByMetric: Record<string, number>; unknownHoursVisits: number };
      notice?: string;
    };
    expect(itinerary.days.map((d) => d.date)).toEqual(['2026-12-10', '2026-12-11']);
    const visits = itinerary.days.flatMap((d) => d.items).filter((i) => i.kind === 'visit');
    expect(visits.length).toBeGreaterThan(2);
    expect(visits.every((v) => /^(kakao|google):/.test(v.place!.id))).toBe(true);
    expect(itinerary.days.every((d) => d.items.some((i) => i.kind === 'meal'))).toBe(true);
    expect(Object.values(itinerary.metrics.violationsByMetric).every((n) => n === 0)).toBe(true);
    expect(itinerary.notice).toContain('SAMPLE DATA');

    const etag = res.headers.get('etag')!;
    expect(
      (await local.call('alice', `/api/trips/${trip.id}/itinerary`, { headers: { 'if-none-match': etag } }))
        .status,
    ).toBe(304);
  });

  it('streams job progress as Server-Sent Events until the job ends', async () => {
    const trip = await createTrip('alice');
    const { jobId } = (await (
      await local.call('alice', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' })
    ).json()) as { jobId: string };
    const res = await local.call('alice', `/api/jobs/${jobId}/events`);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const text = await res.text();
    expect(text).toMatch(/event: completed\n/);
    expect(text.indexOf('data: ')).toBeGreaterThanOrEqual(0);
  });

  it('a duplicate message yields one itinerary; a redelivery after a crash completes', async () => {
    const trip = await createTrip('alice');
    crashes = 1;
    const { jobId } = (await (
      await local.call('alice', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' })
    ).json()) as { jobId: string };
    expect(await waitForJob(local, 'alice', jobId)).toMatchObject({ status: 'completed' });
    const first = await local.app.itineraryStore.get('alice', trip.id);
    expect(first.doc.jobId).toBe(jobId);

    // The same message again (a duplicate delivery): acknowledged without a second itinerary.
    const queue = new QueueClient(inject('storageConnectionString'), local.app.config.queue.name);
    const message = { jobId, tripId: trip.id, ownerId: 'alice', options: { useLlm: true } };
    await queue.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
    await waitForEmptyQueue(queue);
    const after = await local.app.itineraryStore.get('alice', trip.id);
    expect(after.etag).toBe(first.etag);
    expect(
      local.logs.some((l) => l.includes('worker process crashed') || l.includes('job attempt failed')),
    ).toBe(true);
  });

  it('a poison message ends its job failed with a reason and stays in the poison queue', async () => {
    const trip = await createTrip('alice', { name: POISON_TRIP });
    const { jobId } = (await (
      await local.call('alice', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' })
    ).json()) as { jobId: string };
    const job = await waitForJob(local, 'alice', jobId, 30_000);
    expect(job).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_unavailable', message: expect.stringContaining('gave up after 5 attempts') },
    });
    const poison = new QueueClient(
      inject('storageConnectionString'),
      `${local.app.config.queue.name}-poison`,
    );
    let peeked: string[] = [];
    for (let i = 0; i < 50 && peeked.length === 0; i++) {
      peeked = (await poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map(
        (m) => m.messageText,
      );
      if (peeked.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(peeked.map((t) => JSON.parse(Buffer.from(t, 'base64').toString('utf8')).jobId)).toContain(jobId);
  });

  it('another user gets 404 for the trip, the job and the itinerary', async () => {
    const trip = await createTrip('alice');
    const { jobId } = (await (
      await local.call('alice', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' })
    ).json()) as { jobId: string };
    await waitForJob(local, 'alice', jobId);
    for (const path of [
      `/api/trips/${trip.id}`,
      `/api/jobs/${jobId}`,
      `/api/trips/${trip.id}/itinerary`,
      `/api/jobs/${jobId}/events`,
    ]) {
      const res = await local.call('mallory', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(
      (await local.call('mallory', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' })).status,
    ).toBe(404);
  });

  it('bad bodies get 400 with field paths and write nothing', async () => {
    const before = ((await (await local.call('dave', '/api/trips')).json()) as { trips: unknown[] }).trips
      .length;
    const bad = sampleTrip({
      endDate: '2026-12-01',
      members: [{ name: 'X', age: 130, preferences: [] }],
      dailyStart: '9am',
    });
    const res = await local.call('dave', '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.members.0.age', 'body.dailyStart']),
    );
    const notJson = await local.call('dave', '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(notJson.status).toBe(400);
    const wrongType = await local.call('dave', '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(wrongType.status).toBe(415);
    const after = ((await (await local.call('dave', '/api/trips')).json()) as { trips: unknown[] }).trips
      .length;
    expect(after).toBe(before);
    expect((await fetch(`${local.url}/api/trips`)).status).toBe(401);
  });

  it('trips honour If-Match: 428 without, 412 when stale, 200 when current', async () => {
    const trip = await createTrip('erin');
    const read = await local.call('erin', `/api/trips/${trip.id}`);
    const etag = read.headers.get('etag')!;
    const patch = (ifMatch?: string) =>
      local.call('erin', `/api/trips/${trip.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        body: JSON.stringify({ name: 'New name' }),
      });
    expect((await patch()).status).toBe(428);
    expect((await patch(etag)).status).toBe(200);
    expect((await patch(etag)).status).toBe(412);
  });
});

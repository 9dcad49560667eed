import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import type {
  ItineraryGenerator,
  PlanAroundLockedDays,
} from '../../../src/shared/pipeline/ItineraryGenerator.js';
import type { JobQueue } from '../../../src/shared/queue/JobQueue.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import type { TestAppContext } from '../../support/buildTestApp.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

/** Deterministic generator; behaviour switchable per test. */
class FakeGenerator implements ItineraryGenerator {
  calls = 0;
  plannedAround = 0;
  failWith?: Error;
  /** Runs while the job generates (after the worker read the itinerary it starts from). */
  during?: () => Promise<void>;
  async generate(_trip: unknown, _options: unknown, report: (s: 'planning', p: number) => Promise<void>) {
    this.calls++;
    await report('planning', 50);
    await this.during?.();
    if (this.failWith) throw this.failWith;
    return {
      days: [
        { date: '2026-12-10', items: [{ id: 'd1-1', kind: 'visit' as const, start: '10:00', end: '11:00' }] },
        { date: '2026-12-11', items: [{ id: 'd2-1', kind: 'visit' as const, start: '10:00', end: '11:00' }] },
      ],
      warnings: [],
      dropped: [],
    };
  }
  /** Keeps locked days, marks every other day as planned again. */
  async planAroundLockedDays(): Promise<PlanAroundLockedDays> {
    this.plannedAround++;
    return (latest) => ({
      ...latest,
      days: latest.days.map((d) =>
        d.locked
          ? d
          : { ...d, items: [{ id: `${d.date}-new`, kind: 'visit', start: '13:00', end: '14:00' }] },
      ),
    });
  }
}

const input = tripInputSchema.parse(sampleTrip());

describe('trips, jobs and the worker on Azurite', () => {
  const generator = new FakeGenerator();
  let crashAfterStore = 0;
  let app: TestAppContext;

  beforeAll(async () => {
    ({ app } = await testApp(
      {},
      {
        generator,
        afterStore: async () => {
          if (crashAfterStore-- > 0) throw new Error('worker crashed after storing');
        },
      },
    ));
  });
  afterAll(async () => app?.close());

  it('keeps trips per owner, with ETag concurrency', async () => {
    const { trip, etag } = await app.trips.create('alice', input);
    await expect(app.trips.get('bob', trip.id)).rejects.toMatchObject({ code: 'not_found' });
    const renamed = await app.trips.patch('alice', trip.id, { name: 'Renamed' }, etag);
    expect(renamed.trip.name).toBe('Renamed');
    await expect(app.trips.patch('alice', trip.id, { name: 'Again' }, etag)).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    await expect(
      app.trips.patch('alice', trip.id, { endDate: '2027-01-30' }, renamed.etag),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.endDate', message: expect.stringContaining('14 days') }],
    });
    expect((await app.trips.get('alice', trip.id)).trip.endDate).toBe(input.endDate);
    const page = await app.trips.list('alice', 50);
    expect(page.items.map((t) => t.id)).toContain(trip.id);
    expect((await app.trips.list('bob', 50)).items.map((t) => t.id)).not.toContain(trip.id);
  });

  it('runs a job to completion and ignores a duplicate delivery', async () => {
    const { trip } = await app.trips.create('alice', input);
    const { job } = await app.jobs.submit('alice', trip.id, { useLlm: false });
    const message = { jobId: job.jobId, tripId: trip.id, ownerId: 'alice', options: job.options };
    const before = generator.calls;
    expect(await app.worker.process(message, { deliveryCount: 1, maxDeliveries: 5 })).toBe('completed');
    expect(await app.worker.process(message, { deliveryCount: 1, maxDeliveries: 5 })).toBe('skipped');
    expect(generator.calls - before).toBe(1);
    const stored = await app.itineraries.get('alice', trip.id);
    expect(stored.doc.jobId).toBe(job.jobId);
    expect(await app.jobs.get('alice', job.jobId)).toMatchObject({ status: 'completed', progress: 100 });
    await expect(app.jobs.get('bob', job.jobId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.itineraries.get('bob', trip.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('returns the same job for the same Idempotency-Key', async () => {
    const { trip } = await app.trips.create('alice', input);
    const a = await app.jobs.submit('alice', trip.id, { useLlm: false }, 'key-1');
    const b = await app.jobs.submit('alice', trip.id, { useLlm: false }, 'key-1');
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, job: { jobId: a.job.jobId } });
  });

  it('undoes the stored itinerary when the worker crashes before completing, then completes on redelivery', async () => {
    const { trip } = await app.trips.create('alice', input);
    const { job } = await app.jobs.submit('alice', trip.id, { useLlm: false });
    const message = { jobId: job.jobId, tripId: trip.id, ownerId: 'alice', options: job.options };
    crashAfterStore = 1;
    await expect(app.worker.process(message, { deliveryCount: 1, maxDeliveries: 5 })).rejects.toThrow(
      'crashed',
    );
    await expect(app.itineraries.get('alice', trip.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await app.jobs.get('alice', job.jobId)).status).toBe('queued');
    expect(await app.worker.process(message, { deliveryCount: 2, maxDeliveries: 5 })).toBe('completed');
    expect((await app.itineraries.get('alice', trip.id)).doc.jobId).toBe(job.jobId);
  });

  it('ends a job failed: at once for permanent errors, on the last delivery for transient ones', async () => {
    const { trip } = await app.trips.create('alice', input);
    const permanent = await app.jobs.submit('alice', trip.id, { useLlm: false });
    generator.failWith = new AppError('validation_failed', 'no places', {
      detail: 'No places found near the destination',
    });
    const m1 = {
      jobId: permanent.job.jobId,
      tripId: trip.id,
      ownerId: 'alice',
      options: permanent.job.options,
    };
    expect(await app.worker.process(m1, { deliveryCount: 1, maxDeliveries: 5 })).toBe('failed');
    expect(await app.jobs.get('alice', permanent.job.jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'validation_failed', message: 'No places found near the destination' },
    });

    const transient = await app.jobs.submit('alice', trip.id, { useLlm: false });
    generator.failWith = new AppError('upstream_unavailable', 'down');
    const m2 = {
      jobId: transient.job.jobId,
      tripId: trip.id,
      ownerId: 'alice',
      options: transient.job.options,
    };
    await expect(app.worker.process(m2, { deliveryCount: 1, maxDeliveries: 3 })).rejects.toMatchObject({
      code: 'upstream_unavailable',
    });
    expect((await app.jobs.get('alice', transient.job.jobId)).status).toBe('queued');
    await expect(app.worker.process(m2, { deliveryCount: 3, maxDeliveries: 3 })).rejects.toMatchObject({
      code: 'upstream_unavailable',
    });
    expect(await app.jobs.get('alice', transient.job.jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_unavailable', message: expect.stringContaining('gave up after 3 attempts') },
    });
    generator.failWith = undefined;
  });

  it('marks jobs whose messages sit in the poison queue as failed, without consuming them', async () => {
    const { trip } = await app.trips.create('alice', input);
    const { job } = await app.jobs.submit('alice', trip.id, { useLlm: false });
    const poison = new QueueClient(inject('storageConnectionString'), `${app.config.queue.name}-poison`);
    await poison.createIfNotExists();
    const body = { jobId: job.jobId, tripId: trip.id, ownerId: 'alice', options: job.options };
    await poison.sendMessage(Buffer.from(JSON.stringify(body)).toString('base64'));
    expect((await app.jobSweeper.sweep()).poisoned).toBe(1);
    expect(await app.jobs.get('alice', job.jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'dead_lettered' },
    });
    expect((await poison.peekMessages()).peekedMessageItems).toHaveLength(1);
  });

  it('a day locked while a job generates is not planned over: the job retries and plans around it', async () => {
    const { trip } = await app.trips.create('gina', input);
    const first = await app.jobs.submit('gina', trip.id, { useLlm: false });
    const run = (jobId: string, deliveryCount: number) =>
      app.worker.process(
        { jobId, tripId: trip.id, ownerId: 'gina', options: { useLlm: false } },
        { deliveryCount, maxDeliveries: 5 },
      );
    expect(await run(first.job.jobId, 1)).toBe('completed');

    const second = await app.jobs.submit('gina', trip.id, { useLlm: false });
    const lock = () =>
      app.itineraryStore.update('gina', trip.id, (doc) => ({
        ...doc,
        days: doc.days.map((d) => (d.date === '2026-12-11' ? { ...d, locked: true } : d)),
      }));
    generator.during = async () => {
      generator.during = undefined;
      await lock();
    };
    await expect(run(second.job.jobId, 1)).rejects.toMatchObject({ code: 'conflict', transient: true });
    const kept = await app.itineraries.get('gina', trip.id);
    expect(kept.doc.jobId).toBe(first.job.jobId);
    expect(kept.doc.days.find((d) => d.date === '2026-12-11')).toMatchObject({ locked: true });

    // The redelivery starts from the locked day and plans only the other one.
    const around = generator.plannedAround;
    expect(await run(second.job.jobId, 2)).toBe('completed');
    expect(generator.plannedAround).toBe(around + 1);
    const stored = (await app.itineraries.get('gina', trip.id)).doc;
    expect(stored.jobId).toBe(second.job.jobId);
    expect(stored.days).toEqual([
      expect.objectContaining({
        date: '2026-12-10',
        items: [expect.objectContaining({ id: '2026-12-10-new' })],
      }),
      expect.objectContaining({
        date: '2026-12-11',
        locked: true,
        items: [expect.objectContaining({ id: 'd2-1' })],
      }),
    ]);
    expect(stored.revision).toBe((kept.doc.revision ?? 0) + 1);
  });

  it('deleting a trip deletes its jobs and itinerary', async () => {
    const { trip } = await app.trips.create('alice', input);
    const { job } = await app.jobs.submit('alice', trip.id, { useLlm: false });
    await app.worker.process(
      { jobId: job.jobId, tripId: trip.id, ownerId: 'alice', options: job.options },
      { deliveryCount: 1, maxDeliveries: 5 },
    );
    await app.trips.delete('alice', trip.id);
    await expect(app.trips.get('alice', trip.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.jobs.get('alice', job.jobId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.itineraries.get('alice', trip.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('job submission when the queue is down', () => {
  it('marks the job failed and answers 503 instead of leaving it queued', async () => {
    const brokenQueue: JobQueue = {
      kind: 'storage',
      send: async () => {
        throw new Error('queue unreachable');
      },
      close: async () => {},
    };
    const { app } = await testApp({}, { jobQueue: brokenQueue });
    const { trip } = await app.trips.create('carol', input);
    const error = await app.jobs.submit('carol', trip.id, { useLlm: false }, 'k').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'dependency_unavailable', status: 503 });
    const jobId = (await app.jobStore.listForTrip(trip.id))[0]!;
    expect(await app.jobs.get('carol', jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'enqueue_failed' },
    });
    await app.close();
  });
});

describe('two jobs for the same trip at once', () => {
  it('coalesce: the older one ends superseded (pointing at the newer), the newer one completes', async () => {
    const slow: ItineraryGenerator = {
      async generate(_trip, _options, report) {
        await report('planning', 50);
        await new Promise((r) => setTimeout(r, 50));
        return {
          days: [{ date: '2026-12-10', items: [{ id: 'x', kind: 'visit', start: '10:00', end: '11:00' }] }],
          warnings: [],
          dropped: [],
        };
      },
    };
    const { app } = await testApp({}, { generator: slow });
    const { trip } = await app.trips.create('frank', input);
    const a = (await app.jobs.submit('frank', trip.id, { useLlm: false })).job;
    const b = (await app.jobs.submit('frank', trip.id, { useLlm: false })).job;
    const delivery = { deliveryCount: 1, maxDeliveries: 5 };
    const outcomes = await Promise.all([
      app.worker.process({ jobId: a.jobId, tripId: trip.id, ownerId: 'frank', options: a.options }, delivery),
      app.worker.process({ jobId: b.jobId, tripId: trip.id, ownerId: 'frank', options: b.options }, delivery),
    ]);
    expect(outcomes).toEqual(['failed', 'completed']);
    expect(await app.jobs.get('frank', a.jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'superseded', message: expect.stringContaining(b.jobId) },
    });
    expect((await app.itineraries.get('frank', trip.id)).doc.jobId).toBe(b.jobId);
    await app.close();
  });
});

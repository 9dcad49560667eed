import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONTAINERS } from '../../../src/shared/app/buildAppContext.js';
import type { ItineraryGenerator } from '../../../src/shared/pipeline/ItineraryGenerator.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { itWithRedis } from '../../support/redisTest.js';
import { sampleTrip } from '../../support/testApp.js';
import { seedItinerary } from '../itinerary/seedItinerary.js';

/** A generator that waits until released, so a test can delete the trip while its job runs. */
class GatedGenerator implements ItineraryGenerator {
  release?: () => void;
  started = 0;
  async generate() {
    this.started++;
    await new Promise<void>((resolve) => (this.release = resolve));
    return { ...seedItinerary('ignored', 2), warnings: [], dropped: [] };
  }
}

describe('trip deletes are all or nothing', () => {
  let local: LocalApp;
  const generator = new GatedGenerator();
  const user = 'delete-user';

  beforeAll(async () => {
    local = await startLocalApp({ withRedis: true, build: { generator } });
  });
  afterAll(async () => local?.stop());

  /** A trip with an itinerary, a completed job (status cached in Redis) and one photo blob. */
  async function tripWithEverything() {
    const { trip, etag } = await local.app.trips.create(user, tripInputSchema.parse(sampleTrip()));
    await local.app.itineraryStore.put(user, trip.id, seedItinerary(trip.id, 3), null);
    const now = new Date().toISOString();
    const job = {
      jobId: `job-${trip.id}`,
      tripId: trip.id,
      ownerId: user,
      status: 'completed' as const,
      step: 'completed' as const,
      progress: 100,
      createdAt: now,
      updatedAt: now,
      attempts: 1,
      options: { useLlm: false },
    };
    await local.app.jobStore.createIfAbsent(job);
    await local.app.jobEvents.publish(job);
    const photos = local.app.storage.blobs.getContainerClient(CONTAINERS.attachments);
    await photos.createIfNotExists();
    const photo = photos.getBlockBlobClient(`${user}/${trip.id}/item-0/photo-1`);
    await photo.upload('jpeg bytes', 10);
    return { trip, etag, job, photo };
  }

  async function intact(tripId: string, jobId: string, photo: { exists(): Promise<boolean> }) {
    expect((await local.call(user, `/api/trips/${tripId}`)).status).toBe(200);
    expect((await local.call(user, `/api/trips/${tripId}/itinerary`)).status).toBe(200);
    expect((await local.call(user, `/api/jobs/${jobId}`)).status).toBe(200);
    expect(await local.app.jobStore.find(jobId)).toBeDefined();
    expect(await photo.exists()).toBe(true);
  }

  itWithRedis('a stale If-Match is 412 and a malformed one 400, with everything intact', async () => {
    const { trip, etag, job, photo } = await tripWithEverything();
    const renamed = await local.app.trips.patch(user, trip.id, { name: 'Renamed' }, etag);
    const stale = await local.call(user, `/api/trips/${trip.id}`, {
      method: 'DELETE',
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    await intact(trip.id, job.jobId, photo);
    for (const bad of ['garbage', '"unterminated', 'W/', '"a", "b"', `"${'x'.repeat(300)}"`]) {
      const res = await local.call(user, `/api/trips/${trip.id}`, {
        method: 'DELETE',
        headers: { 'if-match': bad },
      });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('headers.if-match');
    }
    await intact(trip.id, job.jobId, photo);

    const ok = await local.call(user, `/api/trips/${trip.id}`, {
      method: 'DELETE',
      headers: { 'if-match': renamed.etag },
    });
    expect(ok.status).toBe(204);
    expect((await local.call(user, `/api/trips/${trip.id}`)).status).toBe(404);
    expect((await local.call(user, `/api/trips/${trip.id}/itinerary`)).status).toBe(404);
    // The Redis status cache went with the job: no answer from a deleted job.
    expect((await local.call(user, `/api/jobs/${job.jobId}`)).status).toBe(404);
    expect(await photo.exists()).toBe(false);
  });

  it('another user cannot delete the trip, whatever If-Match says', async () => {
    const { trip, job, photo } = await tripWithEverything();
    for (const ifMatch of ['*', undefined]) {
      const res = await local.call('someone-else', `/api/trips/${trip.id}`, {
        method: 'DELETE',
        headers: ifMatch ? { 'if-match': ifMatch } : {},
      });
      expect(res.status).toBe(404);
    }
    await intact(trip.id, job.jobId, photo);
  });

  it('a delete interrupted after marking the trip is hidden at once and finished by the sweeper', async () => {
    const { trip, etag, job, photo } = await tripWithEverything();
    await local.app.tripStore.markDeleting(user, trip.id, etag);
    expect((await local.call(user, `/api/trips/${trip.id}`)).status).toBe(404);
    expect((await local.app.trips.list(user, 100)).items.map((t) => t.id)).not.toContain(trip.id);

    expect((await local.app.jobSweeper.sweep()).deletes).toBe(0); // within the grace period: not yet
    expect(await local.app.trips.finishInterruptedDeletes(Date.now() + 3 * 60_000)).toBeGreaterThanOrEqual(1);
    expect(await local.app.jobStore.find(job.jobId)).toBeUndefined();
    expect(await local.app.itineraryStore.find(user, trip.id)).toBeUndefined();
    expect(await photo.exists()).toBe(false);
    expect(
      await local.app.tripStore.listDeletingBefore(new Date(Date.now() + 3 * 60_000).toISOString()),
    ).toEqual([]);
  });

  it('a worker that finishes after its trip was deleted discards the itinerary', async () => {
    const { trip } = await local.app.trips.create(user, tripInputSchema.parse(sampleTrip()));
    const { job } = await local.app.jobs.submit(user, trip.id, { useLlm: false });
    const message = { jobId: job.jobId, tripId: trip.id, ownerId: user, options: job.options };
    const started = generator.started;
    const processing = local.app.worker.process(message, { deliveryCount: 1, maxDeliveries: 5 });
    await expect.poll(() => generator.started).toBeGreaterThan(started);
    await local.app.trips.delete(user, trip.id);
    generator.release?.();
    await processing.catch(() => undefined);
    expect(await local.app.itineraryStore.find(user, trip.id)).toBeUndefined();
    expect((await local.call(user, `/api/trips/${trip.id}/itinerary`)).status).toBe(404);
    expect(await local.app.jobStore.find(job.jobId)).toBeUndefined();
  });
});

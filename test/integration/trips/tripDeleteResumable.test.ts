import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { itineraryEditingFor } from '../../../src/shared/itinerary/itineraryEditingFor.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import { TripService } from '../../../src/shared/trips/TripService.js';
import type { TestAppContext } from '../../support/buildTestApp.js';
import { sampleTrip, testApp } from '../../support/testApp.js';
import { seedItinerary } from '../itinerary/seedItinerary.js';

const USER = 'resumable-delete-user';

describe('trip delete: versions and share links are part of the resumable order', () => {
  let app: TestAppContext;

  beforeAll(async () => {
    ({ app } = await testApp());
  });
  afterAll(async () => app?.close());

  /** A trip with an itinerary, one kept version and a live share link. */
  async function tripWithDependents() {
    const { trip } = await app.trips.create(USER, tripInputSchema.parse(sampleTrip()));
    const doc = seedItinerary(trip.id, 2);
    await app.itineraryStore.put(USER, trip.id, doc, null);
    const { versions, shares } = itineraryEditingFor(app);
    await versions.save(USER, trip.id, doc, 'edit');
    const { token } = await shares.create(USER, trip.id, false);
    return { trip, token };
  }

  async function dependents(tripId: string, token: string) {
    const { versions, shares } = itineraryEditingFor(app);
    return {
      versions: (await versions.list(USER, tripId)).length,
      share: (await shares.resolve(token)) !== undefined,
      shareStatus: (await shares.status(USER, tripId)) !== undefined,
    };
  }

  it('one delete removes the versions and the share link with the trip', async () => {
    const { trip, token } = await tripWithDependents();
    expect(await dependents(trip.id, token)).toEqual({ versions: 1, share: true, shareStatus: true });
    await app.trips.delete(USER, trip.id);
    expect(await dependents(trip.id, token)).toEqual({ versions: 0, share: false, shareStatus: false });
  });

  it.each(['before the versions', 'between the versions and the share link'])(
    'a delete that crashes %s is finished by the sweeper, leaving nothing',
    async (where) => {
      const { trip, token } = await tripWithDependents();
      const { versions } = itineraryEditingFor(app);
      const crashing = new TripService({
        trips: app.tripStore,
        jobs: app.jobStore,
        itineraries: app.itineraryStore,
        forget: async (ownerId, tripId) => {
          if (where !== 'before the versions') await versions.deleteAll(ownerId, tripId);
          throw new Error('instance died');
        },
      });
      await expect(crashing.delete(USER, trip.id)).rejects.toThrow('instance died');
      // Gone to readers from the moment it was marked; its share link still resolves until finished.
      await expect(app.trips.get(USER, trip.id)).rejects.toMatchObject({ code: 'not_found' });
      expect((await dependents(trip.id, token)).share).toBe(true);

      // The sweeper's half, with the real wiring, once the grace period has passed.
      const finished = await app.trips.finishInterruptedDeletes(Date.now() + 3 * 60_000);
      expect(finished).toBeGreaterThanOrEqual(1);
      expect(await dependents(trip.id, token)).toEqual({ versions: 0, share: false, shareStatus: false });
      await expect(app.itineraryStore.find(USER, trip.id)).resolves.toBeUndefined();
      // The row is gone too: nothing is left for a later sweep.
      const stillMarked = await app.tripStore.listDeletingBefore(
        new Date(Date.now() + 3 * 60_000).toISOString(),
      );
      expect(stillMarked.map((d) => d.tripId)).not.toContain(trip.id);
    },
  );
});

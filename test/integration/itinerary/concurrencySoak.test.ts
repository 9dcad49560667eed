import { afterAll, beforeAll, describe, expect } from 'vitest';

import { CONTAINERS } from '../../../src/shared/app/buildAppContext.js';
import { ItineraryStore } from '../../../src/shared/itinerary/ItineraryStore.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { itWithRedis } from '../../support/redisTest.js';
import { sampleTrip } from '../../support/testApp.js';
import { seedItinerary } from './seedItinerary.js';

const WRITERS = 20;
const ROUNDS = 50;

interface ItemView {
  id: string;
  memo?: string;
}
interface DocView {
  days: { items: ItemView[] }[];
}

/** Round number written into a memo `w{writer}-r{round}`; -1 when absent. */
function roundOf(doc: DocView, writer: number): number {
  const item = doc.days.flatMap((d) => d.items).find((i) => i.id === `item-${writer}`);
  const match = /-r(\d+)$/.exec(item?.memo ?? '');
  return match ? Number(match[1]) : -1;
}

describe('itinerary concurrency soak (one itinerary, many writers, reads in between)', () => {
  let local: LocalApp;

  beforeAll(async () => {
    local = await startLocalApp({ withRedis: true });
  });
  afterAll(async () => local?.stop());

  itWithRedis(
    `${WRITERS} writers × ${ROUNDS} rounds of memo PATCHes and GETs: every acknowledged write is read back`,
    async () => {
      const user = 'soak-user';
      const created = await local.call(user, '/api/trips', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sampleTrip()),
      });
      const { id: tripId } = (await created.json()) as { id: string };
      await local.app.itineraryStore.put(user, tripId, seedItinerary(tripId, WRITERS), null);

      const statuses = new Map<number, number>();
      const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
      /** The last round each writer saw acknowledged (200). */
      const acknowledged = new Array<number>(WRITERS).fill(-1);
      let staleReads = 0;

      async function writer(w: number): Promise<void> {
        for (let r = 0; r < ROUNDS; r++) {
          const patch = await local.call(user, `/api/trips/${tripId}/itinerary/items/item-${w}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ memo: `w${w}-r${r}` }),
          });
          count(patch.status);
          await patch.arrayBuffer();
          if (patch.status === 200) acknowledged[w] = r;
          // A read after the write was acknowledged must show it (or something newer): never a stale copy.
          const read = await local.call(user, `/api/trips/${tripId}/itinerary`);
          count(read.status);
          if (read.status === 200 && roundOf((await read.json()) as DocView, w) < acknowledged[w]!)
            staleReads++;
        }
      }
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

      const final = (await (await local.call(user, `/api/trips/${tripId}/itinerary`)).json()) as DocView;
      const lost = acknowledged.filter((round, w) => roundOf(final, w) !== round).length;
      const figures = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
      console.log(`soak: ${WRITERS}×${ROUNDS} PATCH+GET → statuses ${JSON.stringify(figures)}, lost ${lost}`);

      expect(statuses.get(200)).toBe(WRITERS * ROUNDS * 2);
      expect(lost).toBe(0);
      expect(staleReads).toBe(0);
    },
    120_000,
  );

  itWithRedis(
    'two instances (no shared in-process queue) merging into one itinerary lose nothing',
    async () => {
      const user = 'soak-two';
      const { trip } = await local.app.trips.create(user, tripInputSchema.parse(sampleTrip()));
      const container = local.app.storage.blobs.getContainerClient(CONTAINERS.itineraries);
      const instances = [
        new ItineraryStore(container, local.app.redis),
        new ItineraryStore(container, local.app.redis),
      ];
      await instances[0]!.put(user, trip.id, seedItinerary(trip.id, 8), null);
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let r = 0; r < 10; r++)
            await instances[w % 2]!.update(user, trip.id, (doc) => {
              doc.days[0]!.items[w]!.memo = `w${w}-r${r}`;
              return doc;
            });
        }),
      );
      for (const store of instances) {
        const { doc } = await store.get(user, trip.id);
        expect(doc.days[0]!.items.map((i) => i.memo)).toEqual(
          Array.from({ length: 8 }, (_, w) => `w${w}-r9`),
        );
      }
    },
    60_000,
  );
});

import { randomUUID } from 'node:crypto';

import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';

import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { ItineraryStore } from '../../../src/shared/itinerary/ItineraryStore.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';
import { seedItinerary } from './seedItinerary.js';

/** Which Redis calls fail: the real server answers everything else. */
interface Faults {
  /** The invalidation transaction (`multi`): fail the calls whose 1-based number is listed, or all. */
  invalidations: 'all' | number[];
  reads: boolean;
  fills: boolean;
}

/** A real Redis connection whose chosen commands reject, as they do when the server is unreachable. */
function faultyRedis(redis: Redis, faults: Faults): Redis {
  let invalidations = 0;
  const refuse = () => Promise.reject(new Error('connect ECONNREFUSED (injected)'));
  return new Proxy(redis, {
    get(target, prop) {
      if (prop === 'multi') {
        return () => {
          invalidations++;
          const fail = faults.invalidations === 'all' || faults.invalidations.includes(invalidations);
          const pipeline = target.multi();
          if (fail) Object.assign(pipeline, { exec: refuse });
          return pipeline;
        };
      }
      if (prop === 'get' && faults.reads) return refuse;
      if (prop === 'eval' && faults.fills) return refuse;
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function withMemo(doc: ItineraryDocument, memo: string): ItineraryDocument {
  const copy = structuredClone(doc);
  copy.days[0]!.items[0]!.memo = memo;
  return copy;
}

const memoOf = (doc: ItineraryDocument | undefined) => doc?.days[0]?.items[0]?.memo;

describe('itinerary cache when Redis refuses writes or reads', () => {
  let redis: Redis;
  let container: ContainerClient;
  /** The blob as it is, past every cache. */
  let truth: ItineraryStore;
  const logs: string[] = [];
  const logger = createLogger((_level, line) => logs.push(line), 'debug');

  beforeAll(async () => {
    container = BlobServiceClient.fromConnectionString(inject('storageConnectionString')).getContainerClient(
      `cachefail-${randomUUID().slice(0, 8)}`,
    );
    truth = new ItineraryStore(container);
    if (redisUrl()) redis = new Redis(redisUrl()!);
  });
  afterAll(async () => {
    redis?.disconnect();
    await container.deleteIfExists();
  });

  /** A store whose Redis fails as `faults` says (change it in place), with v1 stored and cached. */
  async function cachedV1(faults: Faults) {
    const tripId = randomUUID();
    const store = new ItineraryStore(container, faultyRedis(redis, faults), logger);
    const v1 = withMemo(seedItinerary(tripId, 2), 'v1');
    await store.put('u', tripId, v1, null);
    expect(memoOf((await store.get('u', tripId)).doc)).toBe('v1'); // read: the copy is now in Redis
    return { store, tripId, v1 };
  }

  itWithRedis(
    'a write Redis cannot invalidate beforehand is refused with 503 and changes nothing',
    async () => {
      const faults: Faults = { invalidations: [], reads: false, fills: false };
      const { store, tripId, v1 } = await cachedV1(faults);
      faults.invalidations = 'all';
      await expect(store.put('u', tripId, withMemo(v1, 'v2'))).rejects.toMatchObject({
        code: 'dependency_unavailable',
        status: 503,
        detail: expect.stringContaining('Nothing was changed'),
      });
      await expect(store.delete('u', tripId)).rejects.toMatchObject({ code: 'dependency_unavailable' });
      faults.invalidations = [];
      expect(memoOf((await truth.get('u', tripId)).doc)).toBe('v1');
      expect(memoOf((await store.get('u', tripId)).doc)).toBe('v1');
    },
  );

  itWithRedis(
    'a write Redis cannot confirm afterwards is reported and logged, and no stale copy is served',
    async () => {
      const faults: Faults = { invalidations: [], reads: false, fills: false };
      const { store, tripId, v1 } = await cachedV1(faults);
      // Writing v1 invalidated twice (#1 before, #2 after); the next write's #3 passes, then its
      // invalidation after the blob write fails all three tries (#4–#6).
      faults.invalidations = [4, 5, 6];
      await expect(store.put('u', tripId, withMemo(v1, 'v2'))).rejects.toMatchObject({
        code: 'dependency_unavailable',
        detail: expect.stringContaining('could not be confirmed'),
      });
      expect(logs.some((l) => l.includes('itinerary cache not invalidated after a write'))).toBe(true);
      expect(memoOf((await truth.get('u', tripId)).doc)).toBe('v2');
      // Redis healthy again: every reader sees the new document, not the copy cached before the write.
      expect(memoOf((await store.get('u', tripId)).doc)).toBe('v2');
      expect(JSON.parse((await store.view('u', tripId)).body)).toMatchObject({
        days: [{ items: [{ memo: 'v2' }, {}] }],
      });
      expect(memoOf((await new ItineraryStore(container, redis).get('u', tripId)).doc)).toBe('v2');
    },
  );

  itWithRedis('an invalidation Redis refuses once is retried, and the write goes through', async () => {
    const faults: Faults = { invalidations: [], reads: false, fills: false };
    const { store, tripId, v1 } = await cachedV1(faults);
    faults.invalidations = [3, 5];
    await store.put('u', tripId, withMemo(v1, 'v2'));
    expect(memoOf((await store.get('u', tripId)).doc)).toBe('v2');
  });

  itWithRedis('reads and cache fills that Redis refuses fall through to the blob', async () => {
    const faults: Faults = { invalidations: [], reads: false, fills: false };
    const { store, tripId, v1 } = await cachedV1(faults);
    await truth.put('u', tripId, withMemo(v1, 'v2')); // behind the cache's back: only a real read sees it
    Object.assign(faults, { reads: true, fills: true });
    expect(memoOf((await store.get('u', tripId)).doc)).toBe('v2');
    expect(memoOf((await store.find('u', tripId))?.doc)).toBe('v2');
  });
});

import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalRunLock, RedisRunLock } from '../../../src/shared/warmers/RunLock.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';

describe('run locks: one holder at a time, and a holder whose lease lapsed stops', () => {
  let redis: Redis;

  beforeAll(() => {
    if (redisUrl()) redis = new Redis(redisUrl()!);
  });
  afterAll(() => redis?.disconnect());

  itWithRedis('Redis: a second instance is refused while the first holds the lock', async () => {
    const name = `run-${randomUUID()}`;
    const [a, b] = [new RedisRunLock(redis), new RedisRunLock(redis)];
    const first = await a.tryAcquire(name, 60_000);
    expect(first).toBeDefined();
    expect(await b.tryAcquire(name, 60_000)).toBeUndefined();
    expect(await first!.stillHeld()).toBe(true);
    await first!.release();
    expect(await b.tryAcquire(name, 60_000)).toBeDefined();
  });

  itWithRedis(
    'Redis: a lease that lapsed is no longer held, and its release leaves the new holder alone',
    async () => {
      const name = `run-${randomUUID()}`;
      const lock = new RedisRunLock(redis);
      const stale = (await lock.tryAcquire(name, 60_000))!;
      await redis.del(`tripgen:lock:${name}`); // the TTL ran out while the run was still going
      const current = (await lock.tryAcquire(name, 60_000))!;
      expect(current).toBeDefined();
      expect(await stale.stillHeld()).toBe(false); // the stale run checks this before each write and stops
      await stale.release();
      expect(await current.stillHeld()).toBe(true);
      expect(await lock.tryAcquire(name, 60_000)).toBeUndefined();
    },
  );

  it('local: overlapping runs on one instance are refused until the first releases', async () => {
    const lock = new LocalRunLock();
    const first = (await lock.tryAcquire('warm'))!;
    expect(await lock.tryAcquire('warm')).toBeUndefined();
    expect(await lock.tryAcquire('other')).toBeDefined();
    await first.release();
    expect(await first.stillHeld()).toBe(false);
    expect(await lock.tryAcquire('warm')).toBeDefined();
  });
});

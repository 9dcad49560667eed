import { Redis } from 'ioredis';
import { afterAll, describe, expect } from 'vitest';

import { RedisUserCallLimiter } from '../../../src/shared/limits/RedisUserCallLimiter.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';

describe('RedisUserCallLimiter', () => {
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(redisUrl()!, { lazyConnect: true, maxRetriesPerRequest: 0 });
    clients.push(client);
    return client;
  };
  afterAll(() => clients.forEach((c) => c.disconnect()));

  itWithRedis('counts one window across instances, with an expiry from the first call', async () => {
    const user = `user-${Math.random()}`;
    const a = new RedisUserCallLimiter(connect(), { windowMs: 60_000 });
    const b = new RedisUserCallLimiter(connect(), { windowMs: 60_000 });
    expect((await a.add(user, 1)).count).toBe(1);
    expect((await b.add(user, 2)).count).toBe(3);
    const last = await a.add(user, 1);
    expect(last.count).toBe(4);
    expect(last.resetInMs).toBeGreaterThan(0);
    expect(last.resetInMs).toBeLessThanOrEqual(60_000);
  });

  itWithRedis('counts locally while Redis refuses', async () => {
    const client = connect();
    await client.connect();
    client.disconnect();
    const limiter = new RedisUserCallLimiter(client);
    expect((await limiter.add('offline', 1)).count).toBe(1);
    expect((await limiter.add('offline', 1)).count).toBe(2);
  });
});

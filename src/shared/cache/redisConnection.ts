import { Redis } from 'ioredis';

/**
 * One shared ioredis connection. Commands fail fast while disconnected (no offline queue) so the cache
 * can fall back to L1 instead of stalling a request; ioredis keeps reconnecting in the background.
 */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    // Azure Cache for Redis over TLS (rediss://) needs SNI with the host name; ioredis sets it from the URL.
  });
}

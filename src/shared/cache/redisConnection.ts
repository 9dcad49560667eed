import { Redis } from 'ioredis';

/**
 * One shared ioredis connection. Commands issued while connecting wait in the offline queue, but only
 * through one reconnect attempt (`maxRetriesPerRequest: 1`) and each sent command times out after 1 s,
 * so a Redis outage costs a request little before the cache falls back to L1.
 */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    // Azure Cache for Redis over TLS (rediss://) needs SNI with the host name; ioredis sets it from the URL.
  });
}

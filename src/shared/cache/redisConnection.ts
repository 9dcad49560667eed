import type { TokenCredential } from '@azure/identity';
import { Redis, type RedisOptions } from 'ioredis';

import type { Logger } from '../telemetry/Logger.js';
import { traceRedisCommands } from '../telemetry/redisTelemetry.js';
import { EntraRedisAuth } from './EntraRedisAuth.js';

/**
 * Commands issued while connecting wait in the offline queue, but only through one reconnect attempt
 * (`maxRetriesPerRequest: 1`) and each sent command times out after 1 s, so a Redis outage costs a request
 * little before the cache falls back to L1. Over TLS (rediss://, Azure Managed Redis on port 10000) ioredis
 * sets SNI from the URL's host name.
 */
const OPTIONS: RedisOptions = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  commandTimeout: 1_000,
  retryStrategy: (times) => Math.min(times * 200, 5_000),
};

/** One shared ioredis connection authenticated by its URL alone (local Redis, plain or with a password). */
export function createRedisConnection(url: string): Redis {
  return traceRedisCommands(new Redis(url, { ...OPTIONS, lazyConnect: false }));
}

/**
 * One shared ioredis connection signed in with Entra ID (Azure Managed Redis, REDIS_AUTH=entra): it waits
 * for the first token, then `EntraRedisAuth` keeps the token fresh until the connection ends. Connecting
 * itself is not awaited: an unreachable Redis must not hold up start-up, and ioredis keeps retrying.
 */
export async function createEntraRedisConnection(
  url: string,
  credential: TokenCredential,
  logger?: Logger,
): Promise<Redis> {
  const redis = traceRedisCommands(new Redis(url, { ...OPTIONS, lazyConnect: true }));
  const auth = new EntraRedisAuth(redis, credential, logger);
  redis.once('end', () => auth.stop());
  await auth.refresh();
  redis.connect().catch((error: Error) => logger?.warn('redis connect failed', { error: error.message }));
  return redis;
}

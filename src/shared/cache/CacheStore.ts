import type { Redis } from 'ioredis';

import { decodeCacheValue, encodeCacheValue } from './cacheCodec.js';

/** The shared (L2) tier. Implementations must not throw on a miss; they may throw when unreachable. */
export interface CacheStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Redis as L2: values gzip'd past 1 KB, expiry with PX. */
export class RedisCacheStore implements CacheStore {
  readonly #redis: Redis;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const buffer = await this.#redis.getBuffer(key);
    return buffer ? decodeCacheValue<T>(buffer) : undefined;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.#redis.set(key, encodeCacheValue(value), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(key);
  }
}

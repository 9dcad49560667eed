import type { Redis } from 'ioredis';

import { decodeCacheValue, encodeCacheValue } from './cacheCodec.js';

/** The shared (L2) tier. Implementations must not throw on a miss; they may throw when unreachable. */
export interface CacheStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Cross-instance single-flight: true when this caller may load `key` (no other instance is loading
   * it), held for at most `ttlMs`. Stores without it let every instance load.
   */
  tryLease?(key: string, ttlMs: number): Promise<boolean>;
  releaseLease?(key: string): Promise<void>;
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

  async tryLease(key: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.set(leaseKey(key), '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }

  async releaseLease(key: string): Promise<void> {
    await this.#redis.del(leaseKey(key));
  }
}

function leaseKey(key: string): string {
  return `lease:{${key}}`;
}

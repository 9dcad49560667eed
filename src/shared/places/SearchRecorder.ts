import type { Redis } from 'ioredis';

import type { PlaceSearchParams } from './placeSearchParams.js';

/** Counts searches so the cache warmer can keep the most requested ones fresh (issue: cache warmers). */
export interface SearchRecorder {
  record(params: PlaceSearchParams): Promise<void>;
  /** The most requested searches, most requested first. */
  top(limit: number): Promise<PlaceSearchParams[]>;
}

const POPULAR_KEY = 'location:popular:search:v1';

/** Shared across instances in a Redis sorted set; page 1 only (later pages follow from it). */
export class RedisSearchRecorder implements SearchRecorder {
  readonly #redis: Redis;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  async record(params: PlaceSearchParams): Promise<void> {
    if (params.page !== 1) return;
    await this.#redis.zincrby(POPULAR_KEY, 1, JSON.stringify(params)).catch(() => undefined);
  }

  async top(limit: number): Promise<PlaceSearchParams[]> {
    const members = await this.#redis.zrevrange(POPULAR_KEY, 0, limit - 1);
    return members.map((m) => JSON.parse(m) as PlaceSearchParams);
  }
}

/** Per-process counts when there is no Redis. */
export class InMemorySearchRecorder implements SearchRecorder {
  readonly #counts = new Map<string, number>();

  async record(params: PlaceSearchParams): Promise<void> {
    if (params.page !== 1) return;
    const key = JSON.stringify(params);
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    if (this.#counts.size > 10_000) this.#counts.delete(this.#counts.keys().next().value!);
  }

  async top(limit: number): Promise<PlaceSearchParams[]> {
    return [...this.#counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k]) => JSON.parse(k) as PlaceSearchParams);
  }
}

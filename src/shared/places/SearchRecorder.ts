import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Redis } from 'ioredis';

import type { PlaceSearchParams } from './placeSearchParams.js';

/** Counts searches so the cache warmer can keep the most requested ones fresh (issue: cache warmers). */
export interface SearchRecorder {
  /** Count one search, at once and without failing: the count is written later, off the response path. */
  record(params: PlaceSearchParams): void;
  /** The most requested searches, most requested first. */
  top(limit: number): Promise<PlaceSearchParams[]>;
  /** Write what is still pending (shutdown); a no-op where nothing is buffered. */
  flush?(): Promise<void>;
}

const POPULAR_KEY = 'location:popular:search:v1';

/** Members by parameters: a repeated search arrives with the very same frozen (parsed-once) object. */
const members = new WeakMap<PlaceSearchParams, string>();

/** The sorted-set member of one search: its parameters as JSON, which `top` parses back. */
function memberOf(params: PlaceSearchParams): string {
  let member = members.get(params);
  if (member === undefined) {
    member = JSON.stringify(params);
    if (Object.isFrozen(params)) members.set(params, member);
  }
  return member;
}

export interface RedisSearchRecorderOptions {
  /** How long counts gather in memory before one pipelined write (default 1 s). */
  flushIntervalMs?: number;
  /** Distinct searches pending that trigger a write at once (default 500). */
  maxPending?: number;
}

/**
 * Shared across instances in a Redis sorted set; page 1 only (later pages follow from it). Counts
 * gather in memory and go to Redis as one pipeline of ZINCRBY per interval, so a search never waits
 * for Redis and a hot query costs one write per interval, not one per request. A count still pending
 * when the process dies is lost: the warmer only needs the ranking, not exact totals.
 */
export class RedisSearchRecorder implements SearchRecorder {
  readonly #redis: Redis;
  readonly #flushIntervalMs: number;
  readonly #maxPending: number;
  #pending = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(redis: Redis, options: Readonly<RedisSearchRecorderOptions> = {}) {
    this.#redis = redis;
    this.#flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.#maxPending = options.maxPending ?? 500;
  }

  record(params: PlaceSearchParams): void {
    if (params.page !== 1) return;
    const key = memberOf(params);
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
    if (this.#pending.size >= this.#maxPending) this.#flushInBackground();
    else this.#timer ??= setTimeout(() => this.#flushInBackground(), this.#flushIntervalMs).unref();
  }

  /**
   * A flush writes the counts of many requests: it runs outside the trace (and budget) of the request
   * that happened to trigger it, or its Redis commands would be traced as that user's request.
   */
  #flushInBackground(): void {
    context.with(ROOT_CONTEXT, () => void this.flush());
  }

  async top(limit: number): Promise<PlaceSearchParams[]> {
    await this.flush();
    const members = await this.#redis.zrevrange(POPULAR_KEY, 0, limit - 1);
    return members.map((m) => JSON.parse(m) as PlaceSearchParams);
  }

  /** Write the pending counts now (one pipeline); Redis errors are dropped with the counts. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    if (batch.size > 0) {
      this.#pending = new Map();
      const pipeline = this.#redis.pipeline();
      for (const [member, count] of batch) pipeline.zincrby(POPULAR_KEY, count, member);
      // Chained so that `top` after `flush` sees every earlier batch, not only this one.
      this.#writing = this.#writing.then(() =>
        pipeline.exec().then(
          () => undefined,
          () => undefined,
        ),
      );
    }
    await this.#writing;
  }
}

/** Per-process counts when there is no Redis. */
export class InMemorySearchRecorder implements SearchRecorder {
  readonly #counts = new Map<string, number>();

  record(params: PlaceSearchParams): void {
    if (params.page !== 1) return;
    const key = memberOf(params);
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

import { randomUUID } from 'node:crypto';

import type { Redis } from 'ioredis';

/**
 * Proof of holding a run lock. A holder checks `stillHeld` before each write, which is what keeps a run
 * whose lease expired from writing on. (There is no fencing token: nothing the runs write to — the cache,
 * Redis, the itinerary blobs — could check one, so it would only be logged.)
 */
export interface Lease {
  readonly name: string;
  /** True while this lease is still the current one (checked before each write). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/** At most one run of a timer job across a scaled-out app. */
export interface RunLock {
  tryAcquire(name: string, ttlMs: number): Promise<Lease | undefined>;
}

// Delete only if we still own it: a lease that outlived its TTL must not free someone else's lock.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** `SET key token NX PX ttl`, held while the key still holds our token; released with compare-and-delete. */
export class RedisRunLock implements RunLock {
  readonly #redis: Redis;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  async tryAcquire(name: string, ttlMs: number): Promise<Lease | undefined> {
    const key = `tripgen:lock:${name}`;
    const token = randomUUID();
    const ok = await this.#redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    const redis = this.#redis;
    return {
      name,
      stillHeld: async () => (await redis.get(key)) === token,
      release: async () => void (await redis.eval(RELEASE, 1, key, token)),
    };
  }
}

/**
 * Without Redis: the Functions host already runs a timer function as a singleton across instances
 * (it takes a blob lease), so a process-local lock only guards against overlapping runs here.
 */
export class LocalRunLock implements RunLock {
  /** Lock name → the holder's lease and when it lapses (a lease not released, such as a schedule claim, expires like Redis's). */
  readonly #held = new Map<string, { readonly until: number }>();

  async tryAcquire(name: string, ttlMs = Number.POSITIVE_INFINITY): Promise<Lease | undefined> {
    const now = Date.now();
    for (const [held, holder] of this.#held) if (holder.until <= now) this.#held.delete(held);
    if (this.#held.has(name)) return undefined;
    // A fresh object per lease, so a lease released and taken again is not mistaken for the old one.
    const holder = { until: now + ttlMs };
    this.#held.set(name, holder);
    return {
      name,
      stillHeld: async () => this.#held.get(name) === holder,
      release: async () => {
        if (this.#held.get(name) === holder) this.#held.delete(name);
      },
    };
  }
}

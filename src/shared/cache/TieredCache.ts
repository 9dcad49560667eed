import { LRUCache } from 'lru-cache';

import { isAppError } from '../errors/AppError.js';
import { recordCacheLookup, recordCacheRefresh } from '../telemetry/cacheTelemetry.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Metrics } from '../telemetry/Metrics.js';
import { withCacheOutcome } from '../telemetry/upstreamCall.js';
import type { CacheStore } from './CacheStore.js';

/** How the answer was produced: from cache, from the upstream, or a stale copy because the upstream failed. */
export type CacheOutcome = 'hit' | 'miss' | 'stale';

export interface CacheResult<T> {
  value: T;
  cache: CacheOutcome;
  /** When the value was fetched from the upstream (ms since epoch). */
  storedAt: number;
}

export interface CachePolicy<T> {
  /** Fresh lifetime. */
  ttlMs: number;
  /** Empty results live this long instead (negative caching). */
  negativeTtlMs?: number;
  isEmpty?: (value: T) => boolean;
}

export interface TieredCacheOptions {
  l1MaxEntries: number;
  /** Ceiling on how long L1 keeps anything (docs/architecture.md#cache: 5 minutes). */
  l1TtlMs: number;
  l2?: CacheStore;
  /** How long past freshness a value is kept for stale-on-error. */
  staleWindowMs?: number;
  metrics: Metrics;
  logger?: Logger;
  /** Injectable clock (tests use fake time). */
  now?: () => number;
}

/** An instance loading a cold key holds its lease this long at most (an upstream call's budget). */
const LEASE_MS = 10_000;
/** Others wait this long for its value before loading it themselves, polling L2 every 50 ms. */
const LEASE_WAIT_MS = 3_000;
const LEASE_POLL_MS = 50;

/** L1 keeps an entry past its L1 ceiling (for stale-on-error), but only serves it as a hit until `until`. */
interface L1Entry {
  e: Envelope<unknown>;
  until: number;
}

interface Envelope<T> {
  v: T;
  /** stored at */
  s: number;
  /** fresh until */
  f: number;
}

/**
 * Cache-aside over an in-process LRU (L1) and an optional shared store (L2, Redis): single-flight per
 * key, stale-on-error for transient upstream failures, short negative caching, hit/miss/stale metrics.
 * L2 failures never fail a request: the cache degrades to L1 + upstream.
 */
export class TieredCache {
  readonly #l1: LRUCache<string, L1Entry>;
  readonly #inflight = new Map<string, Promise<CacheResult<unknown>>>();
  readonly #options: Required<Omit<TieredCacheOptions, 'l2' | 'logger'>> &
    Pick<TieredCacheOptions, 'l2' | 'logger'>;

  constructor(options: Readonly<TieredCacheOptions>) {
    this.#options = { staleWindowMs: 24 * 3600_000, now: Date.now, ...options };
    const now = this.#options.now;
    this.#l1 = new LRUCache({
      max: options.l1MaxEntries,
      ttl: options.l1TtlMs,
      ttlResolution: 0,
      perf: { now },
    });
  }

  /** Return the cached value or load it once, however many callers ask at the same time. */
  async getOrLoad<T>(
    key: string,
    policy: Readonly<CachePolicy<T>>,
    loader: () => Promise<T>,
  ): Promise<CacheResult<T>> {
    const { metrics, now } = this.#options;
    const entry = this.#l1.get(key);
    const l1 = entry?.e as Envelope<T> | undefined;
    if (entry && l1 && entry.until > now() && l1.f > now()) {
      metrics.increment('cache.hit');
      recordCacheLookup(key, 'hit', 'l1');
      return { value: l1.v, cache: 'hit', storedAt: l1.s };
    }
    const pending = this.#inflight.get(key) as Promise<CacheResult<T>> | undefined;
    if (pending) {
      metrics.increment('cache.coalesced');
      const shared = await pending;
      return { ...shared, cache: shared.cache === 'miss' ? 'hit' : shared.cache };
    }
    const load = this.#load(key, policy, loader, l1);
    this.#inflight.set(key, load);
    try {
      return await load;
    } finally {
      this.#inflight.delete(key);
    }
  }

  async #load<T>(
    key: string,
    policy: Readonly<CachePolicy<T>>,
    loader: () => Promise<T>,
    staleL1: Envelope<T> | undefined,
  ): Promise<CacheResult<T>> {
    const { metrics, now } = this.#options;
    const l2 = await this.#l2Get<T>(key);
    if (l2 && l2.f > now()) {
      this.#l1Set(key, l2);
      metrics.increment('cache.hit');
      metrics.increment('cache.hit.l2');
      recordCacheLookup(key, 'hit', 'l2');
      return { value: l2.v, cache: 'hit', storedAt: l2.s };
    }
    try {
      const loadedElsewhere = await this.#awaitOtherInstance<T>(key);
      if (loadedElsewhere) {
        this.#l1Set(key, loadedElsewhere);
        metrics.increment('cache.coalesced');
        recordCacheLookup(key, 'hit', 'l2');
        return { value: loadedElsewhere.v, cache: 'hit', storedAt: loadedElsewhere.s };
      }
      const envelope = await this.#fetchAndStore(key, policy, loader, 'miss').finally(
        () => void this.#options.l2?.releaseLease?.(key).catch(() => undefined),
      );
      metrics.increment('cache.miss');
      recordCacheLookup(key, 'miss', 'upstream');
      return { value: envelope.v, cache: 'miss', storedAt: envelope.s };
    } catch (error) {
      metrics.increment('upstream.errors');
      const stale = staleL1 ?? l2;
      if (stale && isAppError(error) && error.transient) {
        metrics.increment('cache.stale');
        recordCacheLookup(key, 'stale', 'upstream');
        this.#options.logger?.warn('serving stale value', { key, code: error.code });
        return { value: stale.v, cache: 'stale', storedAt: stale.s };
      }
      recordCacheLookup(key, 'miss', 'upstream');
      throw error;
    }
  }

  /**
   * Cross-instance single-flight on a cold key: take the L2 lease, or — when another instance holds
   * it — wait briefly for that instance's value to land in L2. Undefined means "load it yourself"
   * (lease taken, no lease support, Redis down, or the other instance took too long).
   */
  async #awaitOtherInstance<T>(key: string): Promise<Envelope<T> | undefined> {
    const l2 = this.#options.l2;
    if (!l2?.tryLease) return undefined;
    const mine = await l2.tryLease(key, LEASE_MS).catch(() => true);
    if (mine) {
      // The instance that held the lease before may have stored the value and let the lease go between
      // our L2 read and our lease: read once more, or this instance calls the upstream a second time.
      const landed = await this.#l2Get<T>(key);
      if (!landed || landed.f <= this.#options.now()) return undefined;
      void l2.releaseLease?.(key).catch(() => undefined);
      return landed;
    }
    for (let waited = 0; waited < LEASE_WAIT_MS; waited += LEASE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      const landed = await this.#l2Get<T>(key);
      if (landed && landed.f > this.#options.now()) return landed;
    }
    return undefined;
  }

  /**
   * Load now and store, whatever is cached (warmers refresh ahead of expiry). On a transient failure
   * the cached value stays as it is.
   */
  async refresh<T>(key: string, policy: Readonly<CachePolicy<T>>, loader: () => Promise<T>): Promise<T> {
    this.#options.metrics.increment('cache.refresh');
    recordCacheRefresh(key);
    return (await this.#fetchAndStore(key, policy, loader, 'refresh')).v;
  }

  /** Call the upstream (counted and timed) and store the answer in both tiers with its TTL. */
  async #fetchAndStore<T>(
    key: string,
    policy: Readonly<CachePolicy<T>>,
    loader: () => Promise<T>,
    why: 'miss' | 'refresh',
  ): Promise<Envelope<T>> {
    const { metrics, now } = this.#options;
    metrics.increment('upstream.calls');
    const started = performance.now();
    const value = await withCacheOutcome(why, loader);
    metrics.observe('upstream.latency', performance.now() - started);
    const empty = policy.isEmpty?.(value) ?? false;
    const ttl = empty ? (policy.negativeTtlMs ?? policy.ttlMs) : policy.ttlMs;
    const envelope: Envelope<T> = { v: value, s: now(), f: now() + ttl };
    this.#l1Set(key, envelope);
    await this.#l2Set(key, envelope, ttl + (empty ? 0 : this.#options.staleWindowMs));
    return envelope;
  }

  /** Write a value fetched elsewhere (e.g. places seen in a search, kept for details). */
  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    const now = this.#options.now();
    const envelope: Envelope<T> = { v: value, s: now, f: now + ttlMs };
    this.#l1Set(key, envelope);
    await this.#l2Set(key, envelope, ttlMs + this.#options.staleWindowMs);
  }

  /** Drop a key from both tiers (e.g. after the verifier saw a change). */
  async invalidate(key: string): Promise<void> {
    this.#l1.delete(key);
    await this.#options.l2?.delete(key).catch(() => undefined);
  }

  /** Whether a fresh value is cached (L1 or L2) and how long it stays fresh, for warmers. */
  async freshness(key: string): Promise<{ cached: boolean; freshForMs: number }> {
    const now = this.#options.now();
    const entry = this.#l1.get(key);
    const l2 = await this.#l2Get<unknown>(key);
    // Without L2, an L1 entry is served only until its L1 ceiling; with L2, until the value's own TTL.
    const freshUntil = l2 ? l2.f : entry ? Math.min(entry.e.f, entry.until) : 0;
    if (freshUntil <= now) return { cached: false, freshForMs: 0 };
    return { cached: true, freshForMs: freshUntil - now };
  }

  /** The cached value even if no longer fresh (kept for stale-on-error), without loading anything. */
  async peek<T>(key: string): Promise<T | undefined> {
    const entry = this.#l1.get(key);
    if (entry) return entry.e.v as T;
    return (await this.#l2Get<T>(key))?.v;
  }

  #l1Set<T>(key: string, envelope: Envelope<T>): void {
    const now = this.#options.now();
    const keepFor = Math.max(1, envelope.f - now + this.#options.staleWindowMs);
    this.#l1.set(key, { e: envelope, until: now + this.#options.l1TtlMs }, { ttl: keepFor });
  }

  async #l2Get<T>(key: string): Promise<Envelope<T> | undefined> {
    if (!this.#options.l2) return undefined;
    try {
      return await this.#options.l2.get<Envelope<T>>(key);
    } catch (error) {
      this.#options.metrics.increment('cache.l2.errors');
      this.#options.logger?.debug('L2 get failed', { key, error: (error as Error).message });
      return undefined;
    }
  }

  async #l2Set<T>(key: string, envelope: Envelope<T>, ttlMs: number): Promise<void> {
    if (!this.#options.l2) return;
    try {
      await this.#options.l2.set(key, envelope, ttlMs);
    } catch (error) {
      this.#options.metrics.increment('cache.l2.errors');
      this.#options.logger?.debug('L2 set failed', { key, error: (error as Error).message });
    }
  }
}

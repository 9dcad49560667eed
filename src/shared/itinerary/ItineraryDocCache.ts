import DataLoader from 'dataloader';
import type { Redis } from 'ioredis';

import { CACHE_TTL_SECONDS } from '../cache/cacheKeys.js';
import type { ItineraryDocument } from './ItineraryDocument.js';
import type { ItineraryKeys } from './itineraryKeys.js';

export interface StoredItinerary {
  doc: ItineraryDocument;
  etag: string;
}

/**
 * Fill the cache only if no write happened since the reader looked at the generation: a reader that
 * downloaded an old version cannot put it back after a writer invalidated it.
 */
const FILL_IF_GENERATION = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4])
redis.call('SET', KEYS[3], ARGV[3], 'EX', ARGV[4])
return 1`;

const INVALIDATE_ATTEMPTS = 3;

/**
 * The Redis copy of itinerary documents, versioned by a write generation. Writers never fill it: after
 * a successful blob write they bump the generation and delete the copy; readers fill it with what they
 * downloaded only if the generation is still the one they saw before downloading. So the cache holds
 * the current document or nothing — never an older one served as current.
 */
export class ItineraryDocCache {
  readonly #redis: Redis;
  /**
   * ETag reads of one event-loop turn go to Redis as one MGET (issue #17): under load every GET of a
   * trip asked Redis the same question on its own. Each read still happens after its request
   * arrived (the batch is sent after the turn, never answered from an earlier one), so a write
   * acknowledged before a request came in is always seen.
   */
  readonly #etags: DataLoader<string, string | null>;

  constructor(redis: Redis) {
    this.#redis = redis;
    this.#etags = new DataLoader(
      async (keys) => {
        const unique = [...new Set(keys)];
        const values = await redis.mget(...unique).catch(() => unique.map(() => null));
        const byKey = new Map(unique.map((key, i) => [key, values[i] ?? null]));
        return keys.map((key) => byKey.get(key) ?? null);
      },
      { cache: false, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
    );
  }

  /** The cached document; undefined on a miss or when Redis is unreachable (the blob is the truth). */
  async get(keys: ItineraryKeys): Promise<StoredItinerary | undefined> {
    const raw = await this.#redis.get(keys.doc).catch(() => null);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as StoredItinerary;
    } catch {
      return undefined;
    }
  }

  /** The cached ETag alone, for the hot read path's "is my serialized view still current?". */
  async etag(keys: ItineraryKeys): Promise<string | undefined> {
    return (await this.#etags.load(keys.etag)) ?? undefined;
  }

  /** Read before downloading; pass to `fill`. */
  async generation(keys: ItineraryKeys): Promise<string | undefined> {
    try {
      return (await this.#redis.get(keys.generation)) ?? '0';
    } catch {
      return undefined;
    }
  }

  async fill(keys: ItineraryKeys, generation: string | undefined, stored: StoredItinerary): Promise<void> {
    if (generation === undefined) return;
    await this.#redis
      .eval(
        FILL_IF_GENERATION,
        3,
        keys.generation,
        keys.doc,
        keys.etag,
        generation,
        JSON.stringify(stored),
        stored.etag,
        CACHE_TTL_SECONDS.itinerary,
      )
      .catch(() => undefined);
  }

  /**
   * After a write: bump the generation and drop the copy. Retried; if Redis still refuses, the write
   * is reported as not confirmed (the caller fails the request) rather than leaving a stale copy to be
   * served as current for hours.
   */
  async invalidate(keys: ItineraryKeys): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < INVALIDATE_ATTEMPTS; attempt++) {
      try {
        await this.#redis
          .multi()
          .incr(keys.generation)
          .expire(keys.generation, CACHE_TTL_SECONDS.itinerary * 2)
          .del(keys.doc, keys.etag)
          .exec();
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }
}

import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

import { AppError } from '../errors/AppError.js';
import type { Logger } from '../telemetry/Logger.js';
import { ItineraryDocCache, type StoredItinerary } from './ItineraryDocCache.js';
import type { ItineraryKeys } from './itineraryKeys.js';

/** A serialized GET …/itinerary response and the ETag it was built from. */
export interface ItineraryView {
  etag: string;
  body: string;
}

/** Without Redis (one instance) a remembered view is trusted this long before the blob is read again. */
const LOCAL_VIEW_MS = 1_000;

/**
 * The caching half of the itinerary store: the Redis document copy shared by all instances (see
 * `ItineraryDocCache`) and, in memory, the serialized response per trip. Reads never fail because of
 * Redis (a miss sends the reader to the blob); a write that cannot invalidate is refused or reported,
 * never left for the copy to be served stale.
 */
export class ItineraryCache {
  readonly #docs?: ItineraryDocCache;
  readonly #logger?: Logger;
  readonly #views = new LRUCache<string, ItineraryView & { checkedAt: number }>({ max: 1000 });

  constructor(redis?: Redis, logger?: Logger) {
    this.#docs = redis ? new ItineraryDocCache(redis) : undefined;
    this.#logger = logger;
  }

  /**
   * The remembered view while its ETag is still the current one: with Redis that is one small GET of
   * the ETag key (writers delete it), so an update on any instance is seen at once; without Redis there
   * is one instance, whose own writes drop the view.
   */
  async view(keys: ItineraryKeys): Promise<ItineraryView | undefined> {
    const cached = this.#views.get(keys.doc);
    if (!cached) return undefined;
    if (this.#docs) return (await this.#docs.etag(keys)) === cached.etag ? cached : undefined;
    return Date.now() - cached.checkedAt < LOCAL_VIEW_MS ? cached : undefined;
  }

  rememberView(keys: ItineraryKeys, view: ItineraryView): ItineraryView {
    const remembered = { ...view, checkedAt: Date.now() };
    this.#views.set(keys.doc, remembered);
    return remembered;
  }

  async get(keys: ItineraryKeys): Promise<StoredItinerary | undefined> {
    return this.#docs?.get(keys);
  }

  /** Read before downloading the blob; pass to `fill`. */
  async generation(keys: ItineraryKeys): Promise<string | undefined> {
    return this.#docs?.generation(keys);
  }

  /** Offer a downloaded document; kept only if no write happened since `generation` was read. */
  async fill(keys: ItineraryKeys, generation: string | undefined, stored: StoredItinerary): Promise<void> {
    await this.#docs?.fill(keys, generation, stored);
  }

  /**
   * Before a write: drop every copy. A Redis that refuses is a 503 before anything changed, so the
   * blob is never newer than a copy nobody could remove.
   */
  async beforeWrite(keys: ItineraryKeys): Promise<void> {
    try {
      await this.#invalidate(keys);
    } catch (error) {
      throw new AppError('dependency_unavailable', 'Cache unavailable', {
        detail: 'Nothing was changed; retry shortly',
        retryAfterSeconds: 2,
        cause: error,
      });
    }
  }

  /**
   * After a write (or a lost race): drop the copy a reader may have filled meanwhile. When Redis refuses
   * now, the blob has changed, so the caller is told the change is unconfirmed (and it is logged).
   */
  async afterWrite(keys: ItineraryKeys): Promise<void> {
    try {
      await this.#invalidate(keys);
    } catch (error) {
      this.#logger?.error('itinerary cache not invalidated after a write', {
        key: keys.doc,
        error: (error as Error).message,
      });
      throw new AppError('dependency_unavailable', 'Cache unavailable', {
        detail: 'The change could not be confirmed; read the itinerary and retry',
        retryAfterSeconds: 2,
        cause: error,
      });
    }
  }

  async #invalidate(keys: ItineraryKeys): Promise<void> {
    this.#views.delete(keys.doc);
    await this.#docs?.invalidate(keys);
  }
}

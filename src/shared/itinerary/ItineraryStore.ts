import type { ContainerClient } from '@azure/storage-blob';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

import { AppError } from '../errors/AppError.js';
import { KeyedSerializer } from '../store/KeyedSerializer.js';
import { ItineraryBlobStore } from './ItineraryBlobStore.js';
import { ItineraryDocCache, type StoredItinerary } from './ItineraryDocCache.js';
import type { ItineraryDocument } from './ItineraryDocument.js';
import { type ItineraryKeys, itineraryKeys } from './itineraryKeys.js';

export type { StoredItinerary } from './ItineraryDocCache.js';

/** Server-side merges retry a lost race this many times (with jittered backoff) before answering 409. */
const UPDATE_ATTEMPTS = 8;

export interface UpdateOptions {
  /** The ETag the client read: the update fails with 412 instead of merging when it is no longer current. */
  ifMatch?: string;
}

/**
 * The itinerary read model: one JSON blob per trip (see `ItineraryBlobStore`), a Redis copy versioned
 * by write generation (see `ItineraryDocCache`) and, in memory, the serialized GET response per ETag.
 * Every write is conditional; `update` is the read-modify-write with bounded retries on lost races.
 */
export class ItineraryStore {
  readonly #blobs: ItineraryBlobStore;
  readonly #cache?: ItineraryDocCache;
  /** Writers of one trip on this instance queue up instead of racing; other instances still race. */
  readonly #serial = new KeyedSerializer();
  /** Serialized responses by trip, each with the ETag it was built from (the hot read path). */
  readonly #views = new LRUCache<string, { etag: string; body: string; checkedAt: number }>({ max: 1000 });

  constructor(container: ContainerClient, redis?: Redis) {
    this.#blobs = new ItineraryBlobStore(container);
    this.#cache = redis ? new ItineraryDocCache(redis) : undefined;
  }

  /**
   * The response body of GET …/itinerary, ready to send. Served from memory while its ETag is still
   * the current one: with Redis that is checked with one small GET of the ETag key (writers delete
   * it), so an update on any instance is seen at once; without Redis there is one instance, whose own
   * writes drop the view.
   */
  async view(ownerId: string, tripId: string): Promise<{ etag: string; body: string }> {
    const keys = itineraryKeys(ownerId, tripId);
    const cached = this.#views.get(keys.doc);
    if (cached) {
      if (this.#cache) {
        if ((await this.#cache.etag(keys)) === cached.etag) return cached;
      } else if (Date.now() - cached.checkedAt < 1_000) {
        return cached;
      }
    }
    const { doc, etag } = await this.get(ownerId, tripId);
    const { jobId: _jobId, ...publicView } = doc;
    const view = { etag, body: JSON.stringify(publicView), checkedAt: Date.now() };
    this.#views.set(keys.doc, view);
    return view;
  }

  async find(ownerId: string, tripId: string): Promise<StoredItinerary | undefined> {
    const keys = itineraryKeys(ownerId, tripId);
    const cached = await this.#cache?.get(keys);
    if (cached) return cached;
    return this.#download(keys);
  }

  async get(ownerId: string, tripId: string): Promise<StoredItinerary> {
    const found = await this.find(ownerId, tripId);
    if (!found)
      throw new AppError('not_found', 'Itinerary not found', {
        detail: `Trip ${tripId} has no itinerary yet`,
      });
    return found;
  }

  /**
   * Write the document. `ifMatch`: the ETag the caller read (412 when it changed), `null`: only if none
   * exists yet, undefined: unconditional.
   */
  async put(
    ownerId: string,
    tripId: string,
    doc: ItineraryDocument,
    ifMatch?: string | null,
  ): Promise<string> {
    const keys = itineraryKeys(ownerId, tripId);
    try {
      return await this.#blobs.write(keys.blob, doc, ifMatch);
    } finally {
      // Success or a lost race alike: whatever the cache holds may now be behind the blob.
      await this.#invalidate(keys);
    }
  }

  /**
   * Read-modify-write: `change` gets a copy of the current document and returns the new one (or
   * undefined to leave it as it is). A write that loses a race to another writer re-reads and
   * re-applies `change`; with `ifMatch` a changed document is a 412 instead.
   */
  async update(
    ownerId: string,
    tripId: string,
    change: (doc: ItineraryDocument) => ItineraryDocument | undefined,
    options: Readonly<UpdateOptions> = {},
  ): Promise<StoredItinerary> {
    const keys = itineraryKeys(ownerId, tripId);
    return this.#serial.run(keys.doc, async () => {
      for (let attempt = 1; ; attempt++) {
        const current = attempt === 1 ? await this.get(ownerId, tripId) : await this.#downloadOrThrow(keys);
        if (options.ifMatch !== undefined && options.ifMatch !== current.etag)
          throw new AppError('precondition_failed', 'ETag mismatch', { detail: 'The itinerary changed' });
        const next = change(structuredClone(current.doc));
        if (!next) return current;
        try {
          return { doc: next, etag: await this.put(ownerId, tripId, next, current.etag) };
        } catch (error) {
          const lostRace = error instanceof AppError && error.code === 'precondition_failed';
          if (!lostRace || options.ifMatch !== undefined) throw error;
          if (attempt >= UPDATE_ATTEMPTS)
            throw new AppError('conflict', 'Itinerary busy', {
              detail: 'The itinerary is being changed by others; retry shortly',
              retryAfterSeconds: 1,
              transient: true,
            });
          await backoff(attempt);
        }
      }
    });
  }

  async delete(ownerId: string, tripId: string): Promise<void> {
    const keys = itineraryKeys(ownerId, tripId);
    try {
      await this.#blobs.delete(keys.blob);
    } finally {
      await this.#invalidate(keys);
    }
  }

  async #download(keys: ItineraryKeys): Promise<StoredItinerary | undefined> {
    const generation = await this.#cache?.generation(keys);
    const stored = await this.#blobs.read(keys.blob);
    if (stored) await this.#cache?.fill(keys, generation, stored);
    return stored;
  }

  async #downloadOrThrow(keys: ItineraryKeys): Promise<StoredItinerary> {
    const stored = await this.#download(keys);
    if (!stored) throw new AppError('not_found', 'Itinerary not found', { detail: 'The itinerary is gone' });
    return stored;
  }

  async #invalidate(keys: ItineraryKeys): Promise<void> {
    this.#views.delete(keys.doc);
    try {
      await this.#cache?.invalidate(keys);
    } catch (error) {
      throw new AppError('dependency_unavailable', 'Cache unavailable', {
        detail: 'The change could not be confirmed; read the itinerary and retry',
        retryAfterSeconds: 2,
        cause: error,
      });
    }
  }
}

/** 10, 20, 40 … ms up to 320 ms, each with full jitter, so racing writers spread out. */
async function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(320, 10 * 2 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

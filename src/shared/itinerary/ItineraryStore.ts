import type { ContainerClient } from '@azure/storage-blob';
import type { Redis } from 'ioredis';

import { AppError } from '../errors/AppError.js';
import { KeyedSerializer } from '../store/KeyedSerializer.js';
import type { Logger } from '../telemetry/Logger.js';
import { ItineraryBlobStore } from './ItineraryBlobStore.js';
import { ItineraryCache, type ItineraryView } from './ItineraryCache.js';
import type { StoredItinerary } from './ItineraryDocCache.js';
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
 * The itinerary read model: storage (one JSON blob per trip with conditional writes, see
 * `ItineraryBlobStore`) behind caching (a Redis copy versioned by write generation and the serialized
 * GET response in memory, see `ItineraryCache`). Every write is conditional; `update` is the
 * read-modify-write with bounded retries on lost races.
 */
export class ItineraryStore {
  readonly #blobs: ItineraryBlobStore;
  readonly #cache: ItineraryCache;
  /** Writers of one trip on this instance queue up instead of racing; other instances still race. */
  readonly #serial = new KeyedSerializer();

  constructor(container: ContainerClient, redis?: Redis, logger?: Logger) {
    this.#blobs = new ItineraryBlobStore(container);
    this.#cache = new ItineraryCache(redis, logger);
  }

  /** The response body of GET …/itinerary, ready to send (remembered per ETag: the hot read path). */
  async view(ownerId: string, tripId: string): Promise<ItineraryView> {
    const keys = itineraryKeys(ownerId, tripId);
    const cached = await this.#cache.view(keys);
    if (cached) return cached;
    const { doc, etag } = await this.get(ownerId, tripId);
    const { jobId: _jobId, ...publicView } = doc;
    return this.#cache.rememberView(keys, { etag, body: JSON.stringify(publicView) });
  }

  async find(ownerId: string, tripId: string): Promise<StoredItinerary | undefined> {
    const keys = itineraryKeys(ownerId, tripId);
    const cached = await this.#cache.get(keys);
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
    await this.#cache.beforeWrite(keys);
    try {
      return await this.#blobs.write(keys.blob, doc, ifMatch);
    } finally {
      // Success or a lost race alike: a reader may have filled the cache with what is now behind the blob.
      await this.#cache.afterWrite(keys);
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
    await this.#cache.beforeWrite(keys);
    try {
      await this.#blobs.delete(keys.blob);
    } finally {
      await this.#cache.afterWrite(keys);
    }
  }

  async #download(keys: ItineraryKeys): Promise<StoredItinerary | undefined> {
    const generation = await this.#cache.generation(keys);
    const stored = await this.#blobs.read(keys.blob);
    if (stored) await this.#cache.fill(keys, generation, stored);
    return stored;
  }

  async #downloadOrThrow(keys: ItineraryKeys): Promise<StoredItinerary> {
    const stored = await this.#download(keys);
    if (!stored) throw new AppError('not_found', 'Itinerary not found', { detail: 'The itinerary is gone' });
    return stored;
  }
}

/** 10, 20, 40 … ms up to 320 ms, each with full jitter, so racing writers spread out. */
async function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(320, 10 * 2 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

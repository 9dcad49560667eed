import { type ContainerClient, RestError } from '@azure/storage-blob';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import { AppError } from '../errors/AppError.js';
import { once } from '../store/once.js';
import type { ItineraryDocument } from './ItineraryDocument.js';

export interface StoredItinerary {
  doc: ItineraryDocument;
  etag: string;
}

/**
 * The itinerary read model: one JSON blob per trip at `{ownerId}/{tripId}.json` (a single blob write is
 * atomic, so readers see the old or the new document, never half of one), cached in Redis for 8 h
 * together with its ETag. Writes update the cache; deletes evict it.
 */
export class ItineraryStore {
  readonly #container: ContainerClient;
  readonly #ensure: () => Promise<void>;
  readonly #redis?: Redis;
  /** Serialized responses by trip, each with the ETag it was built from (the hot read path). */
  readonly #views = new LRUCache<string, { etag: string; body: string; checkedAt: number }>({ max: 1000 });

  constructor(container: ContainerClient, redis?: Redis) {
    this.#container = container;
    this.#ensure = once(() => container.createIfNotExists());
    this.#redis = redis;
  }

  /**
   * The response body of GET …/itinerary, ready to send. Served from memory while its ETag is still
   * the current one: with Redis that is checked with one small GET of the ETag key, so an update on
   * any instance is seen at once; without Redis (one instance, locally) for at most a second.
   */
  async view(ownerId: string, tripId: string): Promise<{ etag: string; body: string }> {
    const key = docKey(ownerId, tripId);
    const cached = this.#views.get(key);
    if (cached) {
      if (this.#redis) {
        const current = await this.#redis.get(etagKey(key)).catch(() => null);
        if (current === cached.etag) return cached;
      } else if (Date.now() - cached.checkedAt < 1_000) {
        return cached;
      }
    }
    const { doc, etag } = await this.get(ownerId, tripId);
    const { jobId: _jobId, ...publicView } = doc;
    const view = { etag, body: JSON.stringify(publicView), checkedAt: Date.now() };
    this.#views.set(key, view);
    return view;
  }

  async find(ownerId: string, tripId: string): Promise<StoredItinerary | undefined> {
    const key = docKey(ownerId, tripId);
    const cached = await this.#redis?.get(key).catch(() => null);
    if (cached) return JSON.parse(cached) as StoredItinerary;
    await this.#ensure();
    try {
      const blob = this.#container.getBlockBlobClient(blobName(ownerId, tripId));
      const buffer = await blob.downloadToBuffer();
      const props = await blob.getProperties();
      const stored = {
        doc: JSON.parse(buffer.toString('utf8')) as ItineraryDocument,
        etag: props.etag ?? '',
      };
      await this.#cache(key, stored);
      return stored;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
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
    await this.#ensure();
    const blob = this.#container.getBlockBlobClient(blobName(ownerId, tripId));
    const body = JSON.stringify(doc);
    const conditions = ifMatch === null ? { ifNoneMatch: '*' } : ifMatch ? { ifMatch } : undefined;
    try {
      const result = await blob.upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions,
      });
      const etag = result.etag ?? '';
      await this.#cache(docKey(ownerId, tripId), { doc, etag });
      return etag;
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) {
        const key = docKey(ownerId, tripId);
        this.#views.delete(key);
        await this.#redis?.del(key, etagKey(key)).catch(() => undefined);
        throw new AppError('precondition_failed', 'Itinerary changed', {
          detail: 'The itinerary changed; read it again',
        });
      }
      throw error;
    }
  }

  async delete(ownerId: string, tripId: string): Promise<void> {
    await this.#ensure();
    const key = docKey(ownerId, tripId);
    this.#views.delete(key);
    await this.#redis?.del(key, etagKey(key)).catch(() => undefined);
    await this.#container.getBlockBlobClient(blobName(ownerId, tripId)).deleteIfExists();
  }

  async #cache(key: string, stored: StoredItinerary): Promise<void> {
    if (this.#views.get(key)?.etag !== stored.etag) this.#views.delete(key);
    await this.#redis
      ?.multi()
      .set(key, JSON.stringify(stored), 'EX', CACHE_TTL_SECONDS.itinerary)
      .set(etagKey(key), stored.etag, 'EX', CACHE_TTL_SECONDS.itinerary)
      .exec()
      .catch(() => undefined);
  }
}

function blobName(ownerId: string, tripId: string): string {
  return `${encodeURIComponent(ownerId)}/${tripId}.json`;
}

function etagKey(docKeyValue: string): string {
  return `${docKeyValue}:etag`;
}

function docKey(ownerId: string, tripId: string): string {
  return cacheKey('itinerary', 'doc', `${ownerId}-${tripId}`);
}

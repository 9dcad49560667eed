import { type ContainerClient, RestError } from '@azure/storage-blob';
import type { Redis } from 'ioredis';

import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import { AppError } from '../errors/AppError.js';
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
  readonly #redis?: Redis;
  #ready?: Promise<unknown>;

  constructor(container: ContainerClient, redis?: Redis) {
    this.#container = container;
    this.#redis = redis;
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
        await this.#redis?.del(docKey(ownerId, tripId)).catch(() => undefined);
        throw new AppError('precondition_failed', 'Itinerary changed', {
          detail: 'The itinerary changed; read it again',
        });
      }
      throw error;
    }
  }

  async delete(ownerId: string, tripId: string): Promise<void> {
    await this.#ensure();
    await this.#redis?.del(docKey(ownerId, tripId)).catch(() => undefined);
    await this.#container.getBlockBlobClient(blobName(ownerId, tripId)).deleteIfExists();
  }

  async #cache(key: string, stored: StoredItinerary): Promise<void> {
    await this.#redis
      ?.set(key, JSON.stringify(stored), 'EX', CACHE_TTL_SECONDS.itinerary)
      .catch(() => undefined);
  }

  async #ensure(): Promise<void> {
    this.#ready ??= this.#container.createIfNotExists().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    await this.#ready;
  }
}

function blobName(ownerId: string, tripId: string): string {
  return `${encodeURIComponent(ownerId)}/${tripId}.json`;
}

function docKey(ownerId: string, tripId: string): string {
  return cacheKey('itinerary', 'doc', `${ownerId}-${tripId}`);
}

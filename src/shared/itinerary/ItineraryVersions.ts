import type { ContainerClient } from '@azure/storage-blob';

import { AppError } from '../errors/AppError.js';
import { once } from '../store/once.js';
import type { ItineraryDocument } from './ItineraryDocument.js';

/** A kept earlier itinerary, as listed. */
export interface VersionSummary {
  revision: number;
  savedAt: string;
  reason: string;
}

/** How many earlier versions of one itinerary are kept. */
const KEEP = 20;

/**
 * Earlier itineraries of a trip, one blob each at `{ownerId}/{tripId}/{revision}.json`, saved before
 * every edit, regeneration or restore so any of them can be restored. The oldest beyond 20 are deleted.
 */
export class ItineraryVersions {
  readonly #container: ContainerClient;
  readonly #ensure: () => Promise<void>;

  constructor(container: ContainerClient) {
    this.#container = container;
    this.#ensure = once(() => container.createIfNotExists());
  }

  async save(ownerId: string, tripId: string, doc: ItineraryDocument, reason: string): Promise<void> {
    await this.#ensure();
    const revision = doc.revision ?? 0;
    const body = JSON.stringify(doc);
    await this.#container
      .getBlockBlobClient(blobName(ownerId, tripId, revision))
      .upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        metadata: { reason: encodeURIComponent(reason.slice(0, 200)), savedat: new Date().toISOString() },
      });
    const all = await this.list(ownerId, tripId);
    for (const old of all.slice(KEEP))
      await this.#container.deleteBlob(blobName(ownerId, tripId, old.revision)).catch(() => undefined);
  }

  /** Newest first. */
  async list(ownerId: string, tripId: string): Promise<VersionSummary[]> {
    await this.#ensure();
    const found: VersionSummary[] = [];
    for await (const blob of this.#container.listBlobsFlat({
      prefix: `${prefixOf(ownerId, tripId)}`,
      includeMetadata: true,
    })) {
      const revision = Number(/\/(\d+)\.json$/.exec(blob.name)?.[1]);
      if (!Number.isInteger(revision)) continue;
      found.push({
        revision,
        savedAt: blob.metadata?.savedat ?? blob.properties.lastModified.toISOString(),
        reason: decodeURIComponent(blob.metadata?.reason ?? ''),
      });
    }
    return found.sort((a, b) => b.revision - a.revision);
  }

  async get(ownerId: string, tripId: string, revision: number): Promise<ItineraryDocument> {
    await this.#ensure();
    const blob = this.#container.getBlockBlobClient(blobName(ownerId, tripId, revision));
    if (!(await blob.exists()))
      throw new AppError('not_found', 'No such version', { detail: `No kept version ${revision}` });
    return JSON.parse((await blob.downloadToBuffer()).toString('utf8')) as ItineraryDocument;
  }

  async deleteAll(ownerId: string, tripId: string): Promise<void> {
    await this.#ensure();
    for await (const blob of this.#container.listBlobsFlat({ prefix: prefixOf(ownerId, tripId) }))
      await this.#container.deleteBlob(blob.name).catch(() => undefined);
  }
}

function prefixOf(ownerId: string, tripId: string): string {
  return `${encodeURIComponent(ownerId)}/${tripId}/`;
}

function blobName(ownerId: string, tripId: string, revision: number): string {
  return `${prefixOf(ownerId, tripId)}${revision}.json`;
}

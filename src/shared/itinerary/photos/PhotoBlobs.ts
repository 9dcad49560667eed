import {
  BlobSASPermissions,
  type BlobServiceClient,
  type ContainerClient,
  RestError,
} from '@azure/storage-blob';

import { blobSasQuery } from '../blobSas.js';
import { IMAGE_SNIFF_BYTES } from './detectImageType.js';

/** What was actually uploaded for an attachment. */
export interface UploadedBlob {
  sizeBytes: number;
  head: Uint8Array;
}

const READY = 'ready';

/**
 * The photo blobs themselves: inspect what a client uploaded, mark it ready, sign short-lived read
 * URLs, delete, and find uploads never confirmed. "Ready" is blob metadata, so the cleanup needs no
 * itinerary to tell confirmed photos from abandoned ones.
 */
export class PhotoBlobs {
  readonly #service: BlobServiceClient;
  readonly #container: ContainerClient;

  constructor(service: BlobServiceClient, containerName: string) {
    this.#service = service;
    this.#container = service.getContainerClient(containerName);
  }

  /**
   * An empty pending blob where the client will upload, so an upload that never happens is still
   * found (and its record removed) by the cleanup. The client's PUT replaces it.
   */
  async placeholder(blobName: string): Promise<void> {
    await this.#container.getBlockBlobClient(blobName).upload('', 0, { metadata: { state: 'pending' } });
  }

  /** Size and first bytes of the blob; `undefined` when nothing was uploaded. */
  async inspect(blobName: string): Promise<UploadedBlob | undefined> {
    const blob = this.#container.getBlobClient(blobName);
    try {
      const props = await blob.getProperties();
      const sizeBytes = props.contentLength ?? 0;
      if (sizeBytes === 0) return undefined;
      const head = await blob.downloadToBuffer(0, Math.min(IMAGE_SNIFF_BYTES, sizeBytes));
      return { sizeBytes, head };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  async markReady(blobName: string, contentType: string): Promise<void> {
    const blob = this.#container.getBlobClient(blobName);
    await blob.setHTTPHeaders({ blobContentType: contentType });
    await blob.setMetadata({ state: READY });
  }

  async delete(blobName: string): Promise<void> {
    await this.#container.deleteBlob(blobName, { deleteSnapshots: 'include' }).catch((error: unknown) => {
      if (!(error instanceof RestError && error.statusCode === 404)) throw error;
    });
  }

  /** Blobs not marked ready and last written before `cutoff` (abandoned or rejected uploads). */
  async *unconfirmedBefore(cutoff: Date, prefix?: string): AsyncGenerator<string> {
    if (!(await this.#container.exists())) return;
    for await (const blob of this.#container.listBlobsFlat({ includeMetadata: true, prefix })) {
      if (blob.metadata?.state === READY) continue;
      if (blob.properties.lastModified < cutoff) yield blob.name;
    }
  }

  /** A read-only URL valid for `ttlMs` (service SAS with the account key, user delegation SAS otherwise). */
  async readUrl(blobName: string, ttlMs: number): Promise<{ url: string; expiresAt: string }> {
    const startsOn = new Date(Date.now() - 60_000);
    const expiresOn = new Date(Date.now() + ttlMs);
    const values = {
      containerName: this.#container.containerName,
      blobName,
      permissions: BlobSASPermissions.parse('r'),
      startsOn,
      expiresOn,
    };
    const query = await blobSasQuery(this.#service, values);
    const url = this.#container.getBlobClient(blobName).url;
    return { url: `${url}?${query}`, expiresAt: expiresOn.toISOString() };
  }
}

import { BlobSASPermissions, type BlobServiceClient } from '@azure/storage-blob';

import { blobSasQuery } from './blobSas.js';

export interface SignedUpload {
  uploadUrl: string;
  expiresAt: string;
}

/**
 * Short-lived SAS URLs for photo uploads straight to Blob Storage (the app never proxies photo bytes).
 * With an account key (Azurite, local) a service SAS; with the managed identity (Azure) a user
 * delegation SAS, which needs no key at all.
 */
export class AttachmentSigner {
  readonly #service: BlobServiceClient;
  readonly #containerName: string;
  readonly #ttlMs: number;

  constructor(service: BlobServiceClient, containerName: string, ttlMs = 15 * 60_000) {
    this.#service = service;
    this.#containerName = containerName;
    this.#ttlMs = ttlMs;
  }

  async ensureContainer(): Promise<void> {
    await this.#service.getContainerClient(this.#containerName).createIfNotExists();
  }

  /** Delete every blob under `prefix` (a trip's attachments when the trip is deleted). */
  async deletePrefix(prefix: string): Promise<number> {
    const container = this.#service.getContainerClient(this.#containerName);
    if (!(await container.exists())) return 0;
    let deleted = 0;
    for await (const blob of container.listBlobsFlat({ prefix })) {
      await container.deleteBlob(blob.name, { deleteSnapshots: 'include' }).catch(() => undefined);
      deleted++;
    }
    return deleted;
  }

  async signUpload(blobName: string, contentType: string): Promise<SignedUpload> {
    const startsOn = new Date(Date.now() - 60_000);
    const expiresOn = new Date(Date.now() + this.#ttlMs);
    const values = {
      containerName: this.#containerName,
      blobName,
      permissions: BlobSASPermissions.parse('cw'),
      startsOn,
      expiresOn,
      contentType,
    };
    const query = await blobSasQuery(this.#service, values);
    const url = this.#service.getContainerClient(this.#containerName).getBlockBlobClient(blobName).url;
    return { uploadUrl: `${url}?${query}`, expiresAt: expiresOn.toISOString() };
  }
}

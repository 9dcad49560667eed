import { createHash, randomBytes } from 'node:crypto';

import { type ContainerClient, RestError } from '@azure/storage-blob';

import { once } from '../../store/once.js';

/** What a share token opens. */
export interface ShareGrant {
  ownerId: string;
  tripId: string;
  includeMemos: boolean;
  createdAt: string;
}

/** Share tokens are 32 random bytes (256 bits), base64url: 43 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Revocable read-only links. A token is stored only as its SHA-256 (`tokens/{hash}.json`), so a
 * storage leak does not leak working links; `trips/{owner}/{tripId}.json` names the trip's current
 * token hash, so one trip has at most one link and revoking (or sharing anew) kills the old one.
 */
export class ShareLinks {
  readonly #container: ContainerClient;
  readonly #ensure: () => Promise<void>;

  constructor(container: ContainerClient) {
    this.#container = container;
    this.#ensure = once(() => container.createIfNotExists());
  }

  /** A new link for the trip (the previous one stops working). Returns the token, shown only now. */
  async create(
    ownerId: string,
    tripId: string,
    includeMemos: boolean,
  ): Promise<{ token: string; grant: ShareGrant }> {
    await this.#ensure();
    await this.revoke(ownerId, tripId);
    const token = randomBytes(32).toString('base64url');
    const grant: ShareGrant = { ownerId, tripId, includeMemos, createdAt: new Date().toISOString() };
    await this.#write(`tokens/${hash(token)}.json`, grant);
    await this.#write(tripBlob(ownerId, tripId), {
      tokenHash: hash(token),
      includeMemos,
      createdAt: grant.createdAt,
    });
    return { token, grant };
  }

  /** The grant of a token, `undefined` when unknown or revoked. */
  async resolve(token: string): Promise<ShareGrant | undefined> {
    if (!SHARE_TOKEN_PATTERN.test(token)) return undefined;
    await this.#ensure();
    return this.#read<ShareGrant>(`tokens/${hash(token)}.json`);
  }

  /** Whether the trip has a live link, and since when (the token itself is not kept). */
  async status(ownerId: string, tripId: string) {
    await this.#ensure();
    const link = await this.#read<{ includeMemos: boolean; createdAt: string }>(tripBlob(ownerId, tripId));
    // Only what the owner may see: the blob also keeps the token's hash, which stays on the server.
    return link && { includeMemos: link.includeMemos, createdAt: link.createdAt };
  }

  async revoke(ownerId: string, tripId: string): Promise<boolean> {
    await this.#ensure();
    const current = await this.#read<{ tokenHash: string }>(tripBlob(ownerId, tripId));
    if (!current) return false;
    await this.#container.deleteBlob(`tokens/${current.tokenHash}.json`).catch(ignoreMissing);
    await this.#container.deleteBlob(tripBlob(ownerId, tripId)).catch(ignoreMissing);
    return true;
  }

  async #write(name: string, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    await this.#container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async #read<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse((await this.#container.getBlobClient(name).downloadToBuffer()).toString('utf8')) as T;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function tripBlob(ownerId: string, tripId: string): string {
  return `trips/${encodeURIComponent(ownerId)}/${tripId}.json`;
}

function ignoreMissing(error: unknown): void {
  if (!(error instanceof RestError && error.statusCode === 404)) throw error;
}

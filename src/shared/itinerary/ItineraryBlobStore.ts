import { type ContainerClient, RestError } from '@azure/storage-blob';

import { AppError } from '../errors/AppError.js';
import { once } from '../store/once.js';
import type { StoredItinerary } from './ItineraryDocCache.js';
import type { ItineraryDocument } from './ItineraryDocument.js';

/**
 * Itinerary documents as JSON blobs. A read is one GET whose response carries both the content and the
 * ETag of exactly that content (the SDK resumes a broken body with `If-Match` on that ETag), so a write
 * conditioned on it can never pass with content it did not read. A single blob write is atomic.
 */
export class ItineraryBlobStore {
  readonly #container: ContainerClient;
  readonly #ensure: () => Promise<void>;

  constructor(container: ContainerClient) {
    this.#container = container;
    this.#ensure = once(() => container.createIfNotExists());
  }

  async read(blobName: string): Promise<StoredItinerary | undefined> {
    await this.#ensure();
    try {
      const response = await this.#container.getBlockBlobClient(blobName).download(0);
      const text = await readText(response.readableStreamBody);
      return { doc: JSON.parse(text) as ItineraryDocument, etag: response.etag ?? '' };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      if (error instanceof SyntaxError)
        throw new AppError('internal', 'Stored itinerary is not valid JSON', { cause: error });
      throw error;
    }
  }

  /** `ifMatch`: that ETag must still be current; `null`: only if no blob exists; undefined: always. */
  async write(blobName: string, doc: ItineraryDocument, ifMatch: string | null | undefined): Promise<string> {
    await this.#ensure();
    const body = JSON.stringify(doc);
    const conditions = ifMatch === null ? { ifNoneMatch: '*' } : ifMatch ? { ifMatch } : undefined;
    try {
      const result = await this.#container
        .getBlockBlobClient(blobName)
        .upload(body, Buffer.byteLength(body), {
          blobHTTPHeaders: { blobContentType: 'application/json' },
          conditions,
        });
      return result.etag ?? '';
    } catch (error) {
      throw conditionFailed(error) ?? error;
    }
  }

  async delete(blobName: string, ifMatch?: string): Promise<void> {
    await this.#ensure();
    try {
      await this.#container
        .getBlockBlobClient(blobName)
        .deleteIfExists(ifMatch ? { conditions: { ifMatch } } : {});
    } catch (error) {
      throw conditionFailed(error) ?? error;
    }
  }
}

/** 412 (the ETag moved) and 409 (created meanwhile) are the caller's to resolve: read again. */
function conditionFailed(error: unknown): AppError | undefined {
  if (!(error instanceof RestError)) return undefined;
  if (error.statusCode === 412 || error.statusCode === 409)
    return new AppError('precondition_failed', 'Itinerary changed', {
      detail: 'The itinerary changed; read it again',
      cause: error,
    });
  return undefined;
}

async function readText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

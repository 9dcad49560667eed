import { randomUUID } from 'node:crypto';

import { AppError } from '../errors/AppError.js';
import type { Trip } from '../trips/tripSchema.js';
import type { AttachmentSigner } from './AttachmentSigner.js';
import type { Attachment, ItineraryDocument, ItineraryItem } from './ItineraryDocument.js';
import type { ItineraryStore, StoredItinerary } from './ItineraryStore.js';
import { markItineraryStale } from './markStale.js';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;

/** Reading the itinerary and the user's own additions to it: memos and photo attachments. */
export class ItineraryService {
  readonly #store: ItineraryStore;
  readonly #signer: AttachmentSigner;

  constructor(store: ItineraryStore, signer: AttachmentSigner) {
    this.#store = store;
    this.#signer = signer;
  }

  async get(ownerId: string, tripId: string): Promise<StoredItinerary> {
    return this.#store.get(ownerId, tripId);
  }

  /** The itinerary, or undefined when the trip has none yet. */
  async find(ownerId: string, tripId: string): Promise<StoredItinerary | undefined> {
    return this.#store.find(ownerId, tripId);
  }

  /** After a trip change: mark its itinerary stale with what the plan depended on and changed. */
  async markStale(ownerId: string, before: Trip, after: Trip): Promise<string[]> {
    return markItineraryStale(this.#store, ownerId, before, after);
  }

  /** The serialized public view (GET …/itinerary), cached per ETag. */
  async view(ownerId: string, tripId: string): Promise<{ etag: string; body: string }> {
    return this.#store.view(ownerId, tripId);
  }

  async setMemo(
    ownerId: string,
    tripId: string,
    itemId: string,
    memo: string,
    ifMatch?: string,
  ): Promise<StoredItinerary> {
    return this.#modifyItem(ownerId, tripId, itemId, ifMatch, (item) => {
      item.memo = memo === '' ? undefined : memo;
    });
  }

  /** Record a pending attachment and return a short-lived SAS URL the client uploads the photo to. */
  async createAttachment(
    ownerId: string,
    tripId: string,
    itemId: string,
    contentType: string,
    sizeBytes: number,
  ) {
    const attachmentId = randomUUID();
    const blobName = `${encodeURIComponent(ownerId)}/${tripId}/${itemId}/${attachmentId}`;
    const attachment: Attachment = {
      attachmentId,
      contentType,
      sizeBytes,
      blobName,
      createdAt: new Date().toISOString(),
    };
    await this.#modifyItem(ownerId, tripId, itemId, undefined, (item) => {
      item.attachments = [...(item.attachments ?? []), attachment];
      if (item.attachments.length > 20)
        throw new AppError('conflict', 'Too many attachments', { detail: 'At most 20 photos per item' });
    });
    await this.#signer.ensureContainer();
    const signed = await this.#signer.signUpload(blobName, contentType);
    return { attachmentId, uploadUrl: signed.uploadUrl, expiresAt: signed.expiresAt };
  }

  /** Read-modify-write through the store, which retries lost races (unless the client sent If-Match). */
  async #modifyItem(
    ownerId: string,
    tripId: string,
    itemId: string,
    ifMatch: string | undefined,
    change: (item: ItineraryItem) => void,
  ): Promise<StoredItinerary> {
    return this.#store.update(
      ownerId,
      tripId,
      (doc: ItineraryDocument) => {
        const item = doc.days.flatMap((d) => d.items).find((i) => i.id === itemId);
        if (!item)
          throw new AppError('not_found', 'Item not found', {
            detail: `No item ${itemId} in this itinerary`,
          });
        change(item);
        return doc;
      },
      { ifMatch },
    );
  }
}

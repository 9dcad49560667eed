import { AppError } from '../../errors/AppError.js';
import type { Attachment, ItineraryDocument } from '../ItineraryDocument.js';
import type { ItineraryStore } from '../ItineraryStore.js';
import { detectImageType } from './detectImageType.js';
import type { PhotoBlobs } from './PhotoBlobs.js';
import { updateItinerary } from './updateItinerary.js';

export interface PhotoServiceOptions {
  store: ItineraryStore;
  blobs: PhotoBlobs;
  /** ATTACHMENT_MAX_BYTES. */
  maxBytes: number;
  /** How long a read URL works. */
  readUrlTtlMs?: number;
  /** Uploads not confirmed within this are removed by the cleanup timer. */
  unconfirmedTtlMs?: number;
  now?: () => Date;
}

/** A ready photo as listed: where it belongs and a short-lived URL to show it. */
export interface PhotoView {
  itemId: string;
  attachmentId: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  readUrl: string;
  expiresAt: string;
}

/**
 * The photo lifecycle after the upload URL: completion checks what was uploaded (present, within the
 * declared and configured size, really an image by its first bytes) and marks it ready, or deletes it
 * and answers 422; ready photos are listed with read URLs; delete removes record and blob; a timer
 * removes uploads never confirmed.
 */
export class PhotoService {
  readonly #o: Readonly<PhotoServiceOptions>;

  constructor(options: Readonly<PhotoServiceOptions>) {
    this.#o = options;
  }

  async complete(ownerId: string, tripId: string, itemId: string, attachmentId: string): Promise<Attachment> {
    const attachment = findAttachment((await this.#o.store.get(ownerId, tripId)).doc, itemId, attachmentId);
    if (attachment.status === 'ready') return attachment;
    const uploaded = await this.#o.blobs.inspect(attachment.blobName);
    const limit = Math.min(attachment.sizeBytes, this.#o.maxBytes);
    const detected = uploaded && detectImageType(uploaded.head);
    const problem = !uploaded
      ? 'nothing was uploaded'
      : uploaded.sizeBytes > limit
        ? `${uploaded.sizeBytes} bytes uploaded, more than the ${limit} declared`
        : !detected
          ? 'the file is not a JPEG, PNG, WebP or HEIC image'
          : detected !== attachment.contentType
            ? `the file is ${detected}, not ${attachment.contentType} as declared`
            : undefined;
    if (problem) {
      await this.#o.blobs.delete(attachment.blobName);
      await this.#removeRecord(ownerId, tripId, itemId, attachmentId);
      throw new AppError('upload_rejected', 'Upload rejected', {
        detail: `The photo was removed: ${problem}`,
        errors: [{ path: `attachments.${attachmentId}`, message: problem }],
      });
    }
    await this.#o.blobs.markReady(attachment.blobName, detected!);
    const saved = await updateItinerary(this.#o.store, ownerId, tripId, (doc) => {
      const record = findAttachment(doc, itemId, attachmentId);
      record.status = 'ready';
      record.sizeBytes = uploaded!.sizeBytes;
      return true;
    });
    return findAttachment(saved!.doc, itemId, attachmentId);
  }

  async remove(ownerId: string, tripId: string, itemId: string, attachmentId: string): Promise<void> {
    const attachment = findAttachment((await this.#o.store.get(ownerId, tripId)).doc, itemId, attachmentId);
    await this.#o.blobs.delete(attachment.blobName);
    await this.#removeRecord(ownerId, tripId, itemId, attachmentId);
  }

  /** Every ready photo of the itinerary, by item, with read URLs. */
  async list(ownerId: string, tripId: string): Promise<PhotoView[]> {
    const { doc } = await this.#o.store.get(ownerId, tripId);
    const ready = holders(doc).flatMap(({ id, holder }) =>
      (holder.attachments ?? []).filter((a) => a.status === 'ready').map((a) => ({ item: { id }, a })),
    );
    return Promise.all(
      ready.map(async ({ item, a }) => {
        const signed = await this.#o.blobs.readUrl(a.blobName, this.#o.readUrlTtlMs ?? 10 * 60_000);
        return {
          itemId: item.id,
          attachmentId: a.attachmentId,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          createdAt: a.createdAt,
          readUrl: signed.url,
          expiresAt: signed.expiresAt,
        };
      }),
    );
  }

  /** Delete uploads never confirmed (blob and record), optionally only one owner's. Returns how many. */
  async cleanup(ownerId?: string): Promise<number> {
    const now = (this.#o.now ?? (() => new Date()))();
    const cutoff = new Date(now.getTime() - (this.#o.unconfirmedTtlMs ?? 60 * 60_000));
    let removed = 0;
    const prefix = ownerId === undefined ? undefined : `${encodeURIComponent(ownerId)}/`;
    for await (const blobName of this.#o.blobs.unconfirmedBefore(cutoff, prefix)) {
      // {ownerId}/{tripId}/{itemId}/{attachmentId}, as ItineraryService names them.
      const [owner, tripId, itemId, attachmentId] = blobName.split('/');
      await this.#o.blobs.delete(blobName);
      if (owner && tripId && itemId && attachmentId)
        await this.#removeRecord(decodeURIComponent(owner), tripId, itemId, attachmentId).catch(
          () => undefined,
        );
      removed++;
    }
    return removed;
  }

  async #removeRecord(ownerId: string, tripId: string, itemId: string, attachmentId: string): Promise<void> {
    await updateItinerary(this.#o.store, ownerId, tripId, (doc) => {
      const item = holderOf(doc, itemId, attachmentId);
      const before = item?.attachments?.length ?? 0;
      if (!item) return false;
      item.attachments = (item.attachments ?? []).filter((a) => a.attachmentId !== attachmentId);
      if (item.attachments.length === 0) delete item.attachments;
      return (item.attachments?.length ?? 0) !== before;
    });
  }
}

/** What can hold photos, by item id: the plan's items, and notes detached from legs it no longer has. */
function holders(doc: ItineraryDocument): { id: string; holder: { attachments?: Attachment[] } }[] {
  return [
    ...doc.days.flatMap((d) => d.items.map((item) => ({ id: item.id, holder: item }))),
    ...(doc.detachedNotes ?? []).map((note) => ({ id: note.itemId, holder: note })),
  ];
}

function holderOf(doc: ItineraryDocument, itemId: string, attachmentId: string) {
  return holders(doc).find(
    (h) => h.id === itemId && h.holder.attachments?.some((a) => a.attachmentId === attachmentId),
  )?.holder;
}

function findAttachment(doc: ItineraryDocument, itemId: string, attachmentId: string): Attachment {
  const found = holderOf(doc, itemId, attachmentId)?.attachments?.find(
    (a) => a.attachmentId === attachmentId,
  );
  if (!found)
    throw new AppError('not_found', 'Photo not found', {
      detail: `No photo ${attachmentId} on item ${itemId}`,
    });
  return found;
}

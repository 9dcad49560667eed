import type { Attachment, ItineraryDocument } from '../ItineraryDocument.js';

/** Every photo record of a document: on its items and on its detached notes. */
export function photoRecords(doc: ItineraryDocument): Attachment[] {
  return [
    ...doc.days.flatMap((d) => d.items.flatMap((i) => i.attachments ?? [])),
    ...(doc.detachedNotes ?? []).flatMap((n) => n.attachments ?? []),
  ];
}

/**
 * Blobs of the photos `before` has and `after` no longer has: an edit removed or replaced their
 * item (its photos were of the place it was), so they are deleted rather than left behind.
 */
export function orphanedBlobNames(before: ItineraryDocument, after: ItineraryDocument): string[] {
  const kept = new Set(photoRecords(after).map((a) => a.blobName));
  return [...new Set(photoRecords(before).map((a) => a.blobName))].filter((name) => !kept.has(name));
}

/**
 * A restored version with today's photos: photos are not versioned (their blobs are not kept with
 * versions), so each restored item carries the photos the item with its id has now, and the
 * detached notes are today's. Photos of items the restored plan does not have become orphans.
 */
export function withCurrentPhotos(
  restored: ItineraryDocument,
  current: ItineraryDocument,
): ItineraryDocument {
  const now = new Map(current.days.flatMap((d) => d.items).map((i) => [i.id, i.attachments]));
  const { detachedNotes: _old, ...rest } = restored;
  return {
    ...rest,
    ...(current.detachedNotes ? { detachedNotes: current.detachedNotes } : {}),
    days: restored.days.map((day) => ({
      ...day,
      items: day.items.map(({ attachments: _a, ...item }) => {
        const photos = now.get(item.id);
        return photos?.length ? { ...item, attachments: photos } : item;
      }),
    })),
  };
}

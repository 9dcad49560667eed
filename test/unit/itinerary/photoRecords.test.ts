import { describe, expect, it } from 'vitest';

import type { Attachment, ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { orphanedBlobNames, withCurrentPhotos } from '../../../src/shared/itinerary/photos/photoRecords.js';

const photo = (name: string): Attachment => ({
  attachmentId: name,
  contentType: 'image/png',
  sizeBytes: 1,
  blobName: `u/t/${name}`,
  createdAt: '',
  status: 'ready',
});
const doc = (items: Record<string, Attachment[] | undefined>, detached: Attachment[] = []) =>
  ({
    days: [
      {
        date: '2026-12-10',
        items: Object.entries(items).map(([id, attachments]) => ({
          id,
          kind: 'visit',
          start: '10:00',
          end: '11:00',
          ...(attachments ? { attachments } : {}),
        })),
      },
    ],
    warnings: [],
    dropped: [],
    ...(detached.length
      ? {
          detachedNotes: [
            { itemId: 'leg', date: '2026-12-10', kind: 'travel', note: '', at: '', attachments: detached },
          ],
        }
      : {}),
  }) as unknown as ItineraryDocument;

describe('photo records across writes', () => {
  it('a blob is orphaned when no item or detached note of the new document has it', () => {
    const before = doc({ a: [photo('1')], b: [photo('2')], c: [photo('3')] });
    const after = doc({ a: [photo('1')] }, [photo('3')]);
    expect(orphanedBlobNames(before, after)).toEqual(['u/t/2']);
    expect(orphanedBlobNames(after, after)).toEqual([]);
  });

  it('a restored version carries the photos its items have now, not the ones it had', () => {
    const old = doc({ a: [photo('old')], b: undefined, gone: [photo('x')] });
    const current = doc({ a: [photo('1')], b: [photo('2')], c: [photo('3')] }, [photo('4')]);
    const restored = withCurrentPhotos(old, current);
    const items = restored.days[0]!.items;
    expect(items.map((i) => [i.id, i.attachments?.map((a) => a.attachmentId)])).toEqual([
      ['a', ['1']],
      ['b', ['2']],
      ['gone', undefined],
    ]);
    expect(restored.detachedNotes).toEqual(current.detachedNotes);
    // c is not in the restored plan: its photo is the one the write deletes.
    expect(orphanedBlobNames(current, restored)).toEqual(['u/t/3']);
  });
});

import { describe, expect, it } from 'vitest';

import type { Place } from '../../../src/shared/domain/place.js';
import type {
  ItineraryDay,
  ItineraryDocument,
  ItineraryItem,
} from '../../../src/shared/itinerary/ItineraryDocument.js';
import { orphanedBlobNames } from '../../../src/shared/itinerary/photos/photoRecords.js';
import { carryOverMemos } from '../../../src/shared/pipeline/carryOverMemos.js';

const place = (id: string, kind: 'visit' | 'meal' = 'visit'): Place =>
  ({ id, name: `Place ${id}`, category: kind === 'meal' ? 'restaurant' : 'culture' }) as Place;
const photo = (n: number) => ({
  attachmentId: `a${n}`,
  contentType: 'image/png',
  sizeBytes: 10,
  blobName: `u/t/x/a${n}`,
  createdAt: '',
  status: 'ready' as const,
});
const leg = { mode: 'walk' as const, distanceMeters: 100, durationSeconds: 60, estimated: false };

/** A day as the planner numbers it: travel, stop, rest for each place id, then travel home. */
function day(date: string, ids: string[]): ItineraryDay {
  const items: ItineraryItem[] = [];
  const add = (item: Omit<ItineraryItem, 'id' | 'start' | 'end'>) => {
    const suffix = item.place ? `-${item.place.id}` : '';
    const id = `${date}-${String(items.length).padStart(2, '0')}-${item.kind}${suffix}`;
    items.push({ id, start: '10:00', end: '10:10', ...item });
  };
  for (const id of ids) {
    const kind = id.startsWith('m') ? 'meal' : 'visit';
    add({ kind: 'travel', travel: leg });
    add({ kind, place: place(id, kind) });
    add({ kind: 'rest' });
  }
  add({ kind: 'travel', travel: leg });
  return { date, items };
}

const plan = (...days: ItineraryDay[]): ItineraryDocument => ({
  tripId: 't',
  jobId: 'j',
  generatedAt: '',
  days,
  warnings: [],
  dropped: [],
});

/** Put a note on the item of `doc` with id `id`. */
function annotate(doc: ItineraryDocument, id: string, note: Partial<ItineraryItem>): ItineraryDocument {
  const item = doc.days.flatMap((d) => d.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  Object.assign(item, note);
  return doc;
}

const items = (doc: ItineraryDocument) => doc.days.flatMap((d) => d.items);

describe('carryOverMemos (a new generation job replacing an itinerary)', () => {
  it('a memo and photos on a place that moved position and day follow the place, keeping the item id', () => {
    const before = annotate(
      plan(day('2026-12-10', ['A', 'B']), day('2026-12-11', ['C'])),
      '2026-12-10-04-visit-B',
      {
        memo: 'tickets booked',
        attachments: [photo(1)],
      },
    );
    // The new plan has B first on the second day; C moved to the first day.
    const next = carryOverMemos(
      plan(day('2026-12-10', ['C', 'A']), day('2026-12-11', ['B', 'D'])),
      before,
      'now',
    );
    const b = items(next).find((i) => i.place?.id === 'B')!;
    expect(b).toMatchObject({ id: '2026-12-10-04-visit-B', memo: 'tickets booked', attachments: [photo(1)] });
    expect(next.days[1]!.items[1]).toBe(b);
    // Nothing else picked up the note, no note was detached, and no photo record is orphaned.
    expect(items(next).filter((i) => i.memo)).toHaveLength(1);
    expect(next.detachedNotes).toBeUndefined();
    expect(next.warnings).toEqual([]);
    expect(orphanedBlobNames(before, next)).toEqual([]);
  });

  it('an item of the new plan that has a carried id by position is renumbered: ids stay unique', () => {
    // Ids carry the place id, so only ids numbered otherwise (say by an earlier version) can collide:
    // A's old item is "2026-12-10-04-visit", which the new plan gives to B.
    const before = annotate(plan(day('2026-12-10', ['B', 'A'])), '2026-12-10-04-visit-A', {
      id: '2026-12-10-04-visit',
      memo: 'first',
    });
    const fresh = plan(day('2026-12-10', ['A', 'B']));
    annotate(fresh, '2026-12-10-04-visit-B', { id: '2026-12-10-04-visit' });
    const next = carryOverMemos(fresh, before, 'now');
    const ids = items(next).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items(next).find((i) => i.memo === 'first')).toMatchObject({
      id: '2026-12-10-04-visit',
      place: { id: 'A' },
    });
    expect(items(next).find((i) => i.place?.id === 'B')!.id).toBe('2026-12-10-04-visit-2');
  });

  it('a note on a place the new plan does not visit ends in detachedNotes with a note_detached warning', () => {
    const before = annotate(
      annotate(plan(day('2026-12-10', ['A', 'm1'])), '2026-12-10-04-meal-m1', {
        memo: 'book a table',
        attachments: [photo(2)],
      }),
      '2026-12-10-01-visit-A',
      { memo: 'kept' },
    );
    before.detachedNotes = [
      {
        itemId: 'old',
        date: '2026-12-09',
        kind: 'travel',
        note: 'earlier',
        memo: 'x',
        attachments: [photo(3)],
        at: 'then',
      },
    ];
    const next = carryOverMemos(plan(day('2026-12-10', ['A', 'm2'])), before, 'now');
    expect(next.detachedNotes).toEqual([
      before.detachedNotes[0],
      {
        itemId: '2026-12-10-04-meal-m1',
        date: '2026-12-10',
        kind: 'meal',
        note: 'meal at Place m1 on 2026-12-10, which the new plan does not include',
        memo: 'book a table',
        attachments: [photo(2)],
        at: 'now',
      },
    ]);
    expect(next.warnings).toEqual([
      expect.objectContaining({ code: 'note_detached', itemId: '2026-12-10-04-meal-m1', date: '2026-12-10' }),
    ]);
    expect(items(next).find((i) => i.place?.id === 'A')!.memo).toBe('kept');
    // The new meal at m1's old position took nothing of it.
    expect(items(next).find((i) => i.place?.id === 'm2')).not.toHaveProperty('memo');
    expect(orphanedBlobNames(before, next)).toEqual([]);
  });

  it('travel notes stay on the leg between the same places, not on the leg at the same position', () => {
    // 03 is the leg A>B; in the new plan C comes between them and item 03 goes A>C.
    const before = annotate(plan(day('2026-12-10', ['A', 'B', 'C'])), '2026-12-10-06-travel', {
      memo: 'line 2, exit 3',
      attachments: [photo(4)],
    });
    annotate(before, '2026-12-10-03-travel', { memo: 'walk along the river' });
    const next = carryOverMemos(plan(day('2026-12-10', ['A', 'C', 'B'])), before, 'now');
    // B>C no longer exists (C>B does): detached. A>B no longer exists either.
    expect(items(next).filter((i) => i.memo)).toEqual([]);
    expect(next.detachedNotes?.map((n) => n.memo).sort()).toEqual(['line 2, exit 3', 'walk along the river']);
    expect(next.detachedNotes?.find((n) => n.memo === 'line 2, exit 3')!.note).toMatch(
      /travel from Place B to Place C on 2026-12-10/,
    );

    const same = carryOverMemos(plan(day('2026-12-10', ['D', 'B', 'C'])), before, 'now');
    // B>C is still a leg of the plan (same position here); A>B is not.
    expect(items(same).find((i) => i.memo === 'line 2, exit 3')).toMatchObject({
      id: '2026-12-10-06-travel',
      attachments: [photo(4)],
    });
    expect(same.detachedNotes?.map((n) => n.memo)).toEqual(['walk along the river']);
  });

  it('notes on a day the new plan does not have are detached, stops and legs alike', () => {
    const before = annotate(
      plan(day('2026-12-10', ['A']), day('2026-12-11', ['B'])),
      '2026-12-11-00-travel',
      {
        memo: 'taxi',
      },
    );
    annotate(before, '2026-12-11-01-visit-B', { attachments: [photo(5)] });
    const next = carryOverMemos(plan(day('2026-12-10', ['A'])), before, 'now');
    expect(next.detachedNotes?.map((n) => [n.itemId, n.note])).toEqual([
      ['2026-12-11-01-visit-B', 'visit to Place B on 2026-12-11, which the new plan does not include'],
      [
        '2026-12-11-00-travel',
        'travel from the accommodation to Place B on 2026-12-11, a day the trip no longer has',
      ],
    ]);
    expect(orphanedBlobNames(before, next)).toEqual([]);
  });

  it('numbers the revision on from the replaced document, and leaves a first plan as it is', () => {
    const first = plan(day('2026-12-10', ['A']));
    expect(carryOverMemos(first, undefined)).toBe(first);
    expect(carryOverMemos(plan(day('2026-12-10', ['A'])), { ...first, revision: 4 }).revision).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';

import type { Place } from '../../../src/shared/domain/place.js';
import {
  carryLegNotes,
  detachLostDays,
  detachLostStops,
} from '../../../src/shared/itinerary/edit/carryLegNotes.js';
import type {
  ItineraryDay,
  ItineraryDocument,
  ItineraryItem,
} from '../../../src/shared/itinerary/ItineraryDocument.js';

const place = (id: string): Place => ({ id, name: `Place ${id}` }) as Place;
const photo = {
  attachmentId: 'a1',
  contentType: 'image/png',
  sizeBytes: 10,
  blobName: 'u/t/x/a1',
  createdAt: '',
};

/** A day visiting `ids` in order: travel, visit, rest after each, travel home. Item ids as the planner numbers them. */
function day(ids: string[], notes: Record<string, Partial<ItineraryItem>> = {}): ItineraryDay {
  const items: ItineraryItem[] = [];
  const add = (item: Omit<ItineraryItem, 'id' | 'start' | 'end'>) => {
    const id = `2026-12-10-${String(items.length).padStart(2, '0')}-${item.kind}`;
    items.push({ id, start: '10:00', end: '10:10', ...item, ...notes[id] });
  };
  for (const id of ids) {
    add({
      kind: 'travel',
      travel: { mode: 'walk', distanceMeters: 100, durationSeconds: 60, estimated: false },
    });
    add({ kind: 'visit', place: place(id) });
    add({ kind: 'rest' });
  }
  add({
    kind: 'travel',
    travel: { mode: 'walk', distanceMeters: 100, durationSeconds: 60, estimated: false },
  });
  return { date: '2026-12-10', items };
}

const doc = (d: ItineraryDay) => ({ days: [d], warnings: [], dropped: [] }) as unknown as ItineraryDocument;
const dates = new Set(['2026-12-10']);

describe('carryLegNotes', () => {
  // A → B → C: 00 travel home>A, 01 A, 02 rest, 03 travel A>B, 04 B, 05 rest, 06 travel B>C, 07 C, 08 rest, 09 travel C>home
  const before = day(['A', 'B', 'C'], {
    '2026-12-10-06-travel': { memo: 'line 2, exit 3', attachments: [photo] },
    '2026-12-10-00-travel': { memo: 'taxi from the hotel' },
    '2026-12-10-02-rest': { memo: 'coffee here' },
  });

  it('keeps a memo on the leg that still goes from the same place to the same place, with its id', () => {
    // A moves after C: home>B, B, rest, B>C, C, rest, C>A, A, rest, A>home — the leg B>C (now item 03) stays.
    const after = day(['B', 'C', 'A']);
    const { days, detached } = carryLegNotes(doc(before), [after], dates, 'now');
    const leg = days[0]!.items.find((i) => i.memo === 'line 2, exit 3')!;
    expect(leg).toMatchObject({ id: '2026-12-10-06-travel', attachments: [photo], kind: 'travel' });
    expect(days[0]!.items.indexOf(leg)).toBe(3);
    // The leg that had that id by position is renumbered: ids stay unique.
    const ids = days[0]!.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The rest after A moved with A; the leg from the hotel now goes to B, not A: detached.
    expect(days[0]!.items.find((i) => i.memo === 'coffee here')).toMatchObject({ kind: 'rest' });
    expect(days[0]!.items[days[0]!.items.findIndex((i) => i.memo === 'coffee here') - 1]!.place?.id).toBe(
      'A',
    );
    expect(detached).toEqual([
      expect.objectContaining({
        itemId: '2026-12-10-00-travel',
        kind: 'travel',
        memo: 'taxi from the hotel',
        note: expect.stringContaining('travel from the accommodation to Place A'),
        at: 'now',
      }),
    ]);
  });

  it('moves photos of a leg that no longer exists to the detached notes, never drops them', () => {
    // B removed: the legs A>B and B>C are gone.
    const { days, detached } = carryLegNotes(doc(before), [day(['A', 'C'])], dates, 'now');
    expect(days[0]!.items.some((i) => i.memo === 'line 2, exit 3')).toBe(false);
    expect(detached).toContainEqual(
      expect.objectContaining({
        itemId: '2026-12-10-06-travel',
        memo: 'line 2, exit 3',
        attachments: [photo],
      }),
    );
    // The leg from the hotel to A and the rest after A are unchanged.
    expect(days[0]!.items[0]).toMatchObject({ memo: 'taxi from the hotel' });
    expect(days[0]!.items[2]).toMatchObject({ memo: 'coffee here' });
  });

  it('leaves days that were not re-timed alone', () => {
    const other = { ...day(['C']), date: '2026-12-11' };
    const { days, detached } = carryLegNotes(doc(before), [other], dates, 'now');
    expect(days[0]).toBe(other);
    expect(detached).toEqual([]);
  });

  it('detachLostStops keeps the memo and photos of a stop the plan lost, and nothing of kept ones', () => {
    const annotated = day(['A', 'B'], {
      '2026-12-10-01-visit': { memo: 'tickets booked', attachments: [photo] },
      '2026-12-10-04-visit': { memo: 'ask for the roof terrace' },
    });
    // B's item is still there (same id); A's is gone.
    const after = { ...annotated, items: annotated.items.filter((i) => i.id !== '2026-12-10-01-visit') };
    expect(detachLostStops(doc(annotated), [after], 'which closed', 'now')).toEqual([
      {
        itemId: '2026-12-10-01-visit',
        date: '2026-12-10',
        kind: 'visit',
        note: 'visit to Place A on 2026-12-10, which closed',
        memo: 'tickets booked',
        attachments: [photo],
        at: 'now',
      },
    ]);
  });
  it('detachLostDays keeps the leg and rest notes of a day the new plan does not have', () => {
    const other = { ...day(['C']), date: '2026-12-11' };
    expect(detachLostDays(doc(before), [other], 'a day the trip no longer has', 'now')).toEqual([
      expect.objectContaining({
        itemId: '2026-12-10-00-travel',
        note: 'travel from the accommodation to Place A on 2026-12-10, a day the trip no longer has',
      }),
      expect.objectContaining({ itemId: '2026-12-10-02-rest', memo: 'coffee here' }),
      expect.objectContaining({ itemId: '2026-12-10-06-travel', attachments: [photo] }),
    ]);
    // A day both plans have is left to carryLegNotes.
    expect(detachLostDays(doc(before), [day(['A'])], 'gone', 'now')).toEqual([]);
  });
});

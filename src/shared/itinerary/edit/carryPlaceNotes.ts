import type { DetachedNote, ItineraryDay, ItineraryDocument, ItineraryItem } from '../ItineraryDocument.js';

/** The days of a new plan with the stop notes of the old one carried over (see `carryPlaceNotes`). */
export interface CarriedPlaceNotes {
  days: ItineraryDay[];
  /** Notes on places the new plan does not visit. */
  detached: DetachedNote[];
}

/**
 * A plan made afresh (a new generation job) numbers its items by date and position, so the memo and
 * photos the traveller put on a visit or meal are matched by place instead: they go to the new stop
 * at the same place (on the same day if it is there twice, else on any day), which takes the old
 * item id (its photos are addressed by it); an item that has that id by position is renumbered.
 * A place the new plan does not visit keeps its notes in the itinerary's `detachedNotes`.
 * Travel legs and rests are left to `carryLegNotes`.
 */
export function carryPlaceNotes(
  before: ItineraryDocument,
  days: readonly ItineraryDay[],
  at: string,
): CarriedPlaceNotes {
  const annotated = before.days.flatMap((day) =>
    day.items
      .filter((item) => isStop(item) && (item.memo || item.attachments?.length))
      .map((item) => ({ date: day.date, item })),
  );
  const copies = days.map((day) => ({ ...day, items: day.items.map((item) => ({ ...item })) }));
  const stops = copies.flatMap((day) => day.items.filter(isStop).map((item) => ({ date: day.date, item })));
  const carrier = new Map<ItineraryItem, ItineraryItem>();
  const claim = (note: (typeof annotated)[number], sameDay: boolean) => {
    const slot = stops.find(
      (s) =>
        s.item.place!.id === note.item.place!.id &&
        !carrier.has(s.item) &&
        (!sameDay || s.date === note.date),
    );
    if (slot) carrier.set(slot.item, note.item);
    return slot !== undefined;
  };
  // Same day first, so a place planned twice keeps each note on its own day.
  const unplaced = annotated.filter((note) => !claim(note, true)).filter((note) => !claim(note, false));

  const taken = new Set([...carrier.values()].map((old) => old.id));
  const ids = new Set(copies.flatMap((d) => d.items.map((i) => i.id)));
  for (const item of copies.flatMap((d) => d.items)) {
    const old = carrier.get(item);
    if (old) {
      item.id = old.id;
      if (old.memo) item.memo = old.memo;
      if (old.attachments?.length) item.attachments = old.attachments;
    } else if (taken.has(item.id)) {
      let n = 2;
      while (ids.has(`${item.id}-${n}`) || taken.has(`${item.id}-${n}`)) n++;
      ids.add(`${item.id}-${n}`);
      item.id = `${item.id}-${n}`;
    }
  }
  const detached = unplaced.map(({ date, item }) => ({
    itemId: item.id,
    date,
    kind: item.kind,
    note: `${item.kind === 'meal' ? 'meal at' : 'visit to'} ${item.place!.name} on ${date}, which the new plan does not include`,
    ...(item.memo ? { memo: item.memo } : {}),
    ...(item.attachments?.length ? { attachments: item.attachments } : {}),
    at,
  }));
  return { days: copies, detached };
}

function isStop(item: ItineraryItem): boolean {
  return (item.kind === 'visit' || item.kind === 'meal') && item.place !== undefined;
}

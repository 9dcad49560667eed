import type {
  DetachedNote,
  ItineraryDay,
  ItineraryDocument,
  ItineraryItem,
  ItineraryWarning,
} from '../ItineraryDocument.js';

/** The days of `days` on `dates`, with the travel and rest notes of `before` carried over. */
export interface CarriedNotes {
  days: ItineraryDay[];
  /** Notes whose leg or rest the new plan no longer has. */
  detached: DetachedNote[];
}

/**
 * Re-timing rebuilds a day's travel and rest items, so what the traveller wrote on them is carried
 * over here: a memo or photos on a leg stay on the leg that still goes from the same place to the
 * same place (the accommodation counts as a place), with its item id; on a rest, on the rest after
 * the same stop. When the new plan has no such leg or rest, the note is not dropped and the edit is
 * not refused: it moves to the itinerary's `detachedNotes`, saying where it was.
 */
export function carryLegNotes(
  before: ItineraryDocument,
  days: readonly ItineraryDay[],
  dates: ReadonlySet<string>,
  at: string,
): CarriedNotes {
  const detached: DetachedNote[] = [];
  const carried = days.map((day) => {
    const old = before.days.find((d) => d.date === day.date);
    if (!dates.has(day.date) || !old) return day;
    const annotated = keyed(old).filter(({ item }) => item.memo || item.attachments?.length);
    if (annotated.length === 0) return day;
    const items = day.items.map((item) => ({ ...item }));
    const slots = keyed({ ...day, items });
    const kept = new Map<ItineraryItem, string>();
    for (const note of annotated) {
      const slot = slots.find((s) => s.key === note.key && !kept.has(s.item));
      if (!slot) {
        detached.push({
          itemId: note.item.id,
          date: day.date,
          kind: note.item.kind,
          note: `${note.where} on ${day.date}, which the plan no longer has`,
          ...(note.item.memo ? { memo: note.item.memo } : {}),
          ...(note.item.attachments?.length ? { attachments: note.item.attachments } : {}),
          at,
        });
        continue;
      }
      kept.set(slot.item, note.item.id);
      if (note.item.memo) slot.item.memo = note.item.memo;
      if (note.item.attachments?.length) slot.item.attachments = note.item.attachments;
    }
    // A carried note keeps its item id (its photos are addressed by it); an item that now has
    // that id by position is renumbered instead.
    const taken = new Set(kept.values());
    for (const item of items) {
      if (kept.has(item)) item.id = kept.get(item)!;
      else if (taken.has(item.id)) {
        let n = 2;
        while (items.some((i) => i.id === `${item.id}-${n}`) || taken.has(`${item.id}-${n}`)) n++;
        item.id = `${item.id}-${n}`;
      }
    }
    return { ...day, items };
  });
  return { days: carried, detached };
}

/**
 * Stops of `before` with a memo or photos that `after` no longer has (by item id), as detached notes:
 * for changes the traveller did not ask for, which must not take their notes with them.
 */
export function detachLostStops(
  before: ItineraryDocument,
  after: readonly ItineraryDay[],
  why: string,
  at: string,
): DetachedNote[] {
  const ids = new Set(after.flatMap((d) => d.items.map((i) => i.id)));
  return before.days.flatMap((day) =>
    day.items
      .filter((i) => i.place && (i.memo || i.attachments?.length) && !ids.has(i.id))
      .map((item) => ({
        itemId: item.id,
        date: day.date,
        kind: item.kind,
        note: `${item.kind === 'meal' ? 'meal at' : 'visit to'} ${item.place!.name} on ${day.date}, ${why}`,
        ...(item.memo ? { memo: item.memo } : {}),
        ...(item.attachments?.length ? { attachments: item.attachments } : {}),
        at,
      })),
  );
}

/**
 * Memos and photos on travel legs and rests of days of `before` that `after` no longer has (the trip's
 * dates changed), as detached notes: `carryLegNotes` only sees days both plans have.
 */
export function detachLostDays(
  before: ItineraryDocument,
  after: readonly ItineraryDay[],
  why: string,
  at: string,
): DetachedNote[] {
  const dates = new Set(after.map((d) => d.date));
  return before.days
    .filter((day) => !dates.has(day.date))
    .flatMap((day) =>
      keyed(day)
        .filter(({ item }) => item.memo || item.attachments?.length)
        .map(({ where, item }) => ({
          itemId: item.id,
          date: day.date,
          kind: item.kind,
          note: `${where} on ${day.date}, ${why}`,
          ...(item.memo ? { memo: item.memo } : {}),
          ...(item.attachments?.length ? { attachments: item.attachments } : {}),
          at,
        })),
    );
}

/** The document's `detachedNotes` with `detached` added (nothing when there is nothing to add). */
export function withDetached(
  doc: ItineraryDocument,
  detached: readonly DetachedNote[],
): Pick<ItineraryDocument, 'detachedNotes'> {
  return detached.length === 0 ? {} : { detachedNotes: [...(doc.detachedNotes ?? []), ...detached] };
}

/** What the traveller is told about a note that left its leg. */
export function detachedWarning(note: DetachedNote): ItineraryWarning {
  return {
    code: 'note_detached',
    message: `Your memo or photos on the ${note.note} are kept in the itinerary's detached notes`,
    date: note.date,
    itemId: note.itemId,
  };
}

/** Each travel and rest item of a day with what identifies it across re-timing. */
function keyed(day: ItineraryDay): { key: string; where: string; item: ItineraryItem }[] {
  const stop = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < day.items.length; j += step) {
      const item = day.items[j]!;
      if ((item.kind === 'visit' || item.kind === 'meal') && item.place) return item.place;
    }
    return undefined;
  };
  return day.items.flatMap((item, i) => {
    const from = stop(i, -1);
    if (item.kind === 'rest')
      return [
        { key: `rest:${from?.id ?? 'home'}`, where: `the rest after ${from?.name ?? 'setting out'}`, item },
      ];
    if (item.kind !== 'travel') return [];
    const to = stop(i, 1);
    return [
      {
        key: `travel:${from?.id ?? 'home'}>${to?.id ?? 'home'}`,
        where: `travel from ${from?.name ?? 'the accommodation'} to ${to?.name ?? 'the accommodation'}`,
        item,
      },
    ];
  });
}

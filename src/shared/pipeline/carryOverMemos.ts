import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';

/** Memos and attachments the user added stay with items that keep their id in the new plan. */
export function carryOverMemos(
  doc: ItineraryDocument,
  previous: ItineraryDocument | undefined,
): ItineraryDocument {
  if (!previous) return doc;
  const old = new Map(previous.days.flatMap((d) => d.items).map((i) => [i.id, i]));
  return {
    ...doc,
    days: doc.days.map((day) => ({
      ...day,
      items: day.items.map((item) => {
        const before = old.get(item.id);
        return before ? { ...item, memo: before.memo, attachments: before.attachments } : item;
      }),
    })),
  };
}

import type { z } from 'zod';

import type { itinerarySchema } from '../openapi/responseSchemas.js';

type Itinerary = z.infer<typeof itinerarySchema>;
type Item = Itinerary['days'][number]['items'][number];

/** At most this many warnings are spelled out; the rest are counted (all are in structuredContent). */
const WARNINGS_SHOWN = 5;

function line(item: Item): string {
  const time = `  ${item.start}–${item.end} `;
  const memo = item.memo ? ` — memo: ${item.memo}` : '';
  const photos = item.attachments?.length ? ` (${item.attachments.length} photo(s))` : '';
  const notes = `${memo}${photos}`;
  if (item.kind === 'travel') return `${time}${item.travel?.mode ?? 'travel'} [${item.id}]${notes}`;
  // Free time and breaks carry their note in the trip's language ("Break (20 min): …").
  if (item.kind === 'rest' || !item.place) return `${time}${item.reason ?? item.kind} [${item.id}]${notes}`;
  const meal = item.kind === 'meal' ? `🍽 ${item.meal ?? 'meal'}: ` : '';
  return `${time}${meal}${item.place.name} [${item.id}]${notes}`;
}

/**
 * get_itinerary for a model that reads text: each day's stops with the item ids edit_itinerary takes,
 * free time and breaks with their notes, memos and photo counts, then what the traveller should know
 * (stale, warnings, notes that lost their place). Travel legs appear only when they carry a memo or
 * photos: otherwise their times are the gaps between the lines.
 */
export function renderItinerary(it: Itinerary): string {
  const days = it.days.map(
    (d) =>
      `${d.date}${d.locked ? ' (locked)' : ''}\n` +
      d.items
        // Travel legs only when the traveller wrote on them: their times are the gaps between lines.
        .filter((i) => i.kind !== 'travel' || i.memo || i.attachments?.length)
        .map(line)
        .join('\n'),
  );
  const notes: string[] = [];
  if (it.stale)
    notes.push(
      `Stale: the trip's ${it.stale.changed.join(', ')} changed; regenerate_itinerary brings it in step.`,
    );
  if (it.warnings.length > 0) {
    const shown = it.warnings
      .slice(0, WARNINGS_SHOWN)
      .map((w) => `- ${w.date ? `${w.date}: ` : ''}${w.message}`);
    const more = it.warnings.length - shown.length;
    notes.push(['Warnings:', ...shown, ...(more > 0 ? [`- … ${more} more`] : [])].join('\n'));
  }
  if (it.detachedNotes?.length)
    notes.push(
      [
        'Notes whose place left the plan (dismissNote clears one):',
        ...it.detachedNotes.map(
          (n) =>
            `- [${n.itemId}] ${n.note}${n.memo ? ` — memo: ${n.memo}` : ''}` +
            (n.attachments?.length
              ? ` (${n.attachments.length} photo(s): delete them before dismissing)`
              : ''),
        ),
      ].join('\n'),
    );
  return [...days, ...notes].join('\n');
}

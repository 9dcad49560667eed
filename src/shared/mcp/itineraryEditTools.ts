import { z } from 'zod';

import { readableItinerary } from '../i18n/readableItinerary.js';
import { editOperationSchema, regenerateRequestSchema } from '../itinerary/edit/editOperations.js';
import { itineraryEditingFor } from '../itinerary/itineraryEditingFor.js';
import { alternativesSchema, editResultSchema } from '../openapi/editingContract.js';
import { defineTool } from './McpTool.js';

const tripIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a valid id')
  .describe('The trip id.');
const itemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a valid id')
  .describe('An item id.');
const etagSchema = z
  .string()
  .max(200)
  .optional()
  .describe('The revision you read (itinerary etag); omitted: the current itinerary.');
const editOutput = editResultSchema.extend({ etag: z.string() });

function renderEdit(r: z.infer<typeof editOutput>): string {
  const days = r.itinerary.days
    .map(
      (d) =>
        `${d.date}${d.locked ? ' (locked)' : ''}\n` +
        d.items
          .filter((i) => i.kind === 'visit' || i.kind === 'meal')
          .map((i) => `  ${i.start}–${i.end} ${i.place?.name ?? i.kind} [${i.id}]`)
          .join('\n'),
    )
    .join('\n');
  const warnings = r.warnings.map((w) => `! ${w.code}: ${w.message}`).join('\n');
  return warnings ? `${days}\n${warnings}` : days;
}

export const editItineraryTool = defineTool({
  name: 'edit_itinerary',
  title: 'Edit the itinerary',
  description:
    'Change the plan: remove a stop, move it (another position or day), swap two, set a visit length, add a place ' +
    'by id, replace an item with another place, lock or unlock a day, dismiss a note in detachedNotes the ' +
    'traveller has dealt with (dismissNote; delete its photos first). The changed days are re-timed with the ' +
    'planner’s rules (opening hours, meals, travel, day bounds). A change that breaks them is refused (conflict, ' +
    'with each reason) unless force is true. Item ids come from get_itinerary.',
  input: z
    .object({
      tripId: tripIdSchema,
      operations: z.array(editOperationSchema).min(1).max(20),
      force: z.boolean().default(false),
      etag: etagSchema,
    })
    .strict(),
  output: editOutput,
  readOnly: false,
  run: async (args, { app, principal, signal }) => {
    const { editor } = itineraryEditingFor(app);
    const etag = args.etag ?? (await app.itineraries.get(principal.userId, args.tripId)).etag;
    const r = await editor.edit(
      principal.userId,
      args.tripId,
      { operations: args.operations, force: args.force },
      etag,
      signal,
    );
    const itinerary = await readableItinerary(app, principal.userId, args.tripId, r.doc, undefined, signal);
    return { itinerary, warnings: r.warnings, etag: r.etag };
  },
  render: renderEdit,
});

export const getAlternativesTool = defineTool({
  name: 'get_alternatives',
  title: 'Alternatives for an item',
  description:
    'Places that could take an item’s slot (same day and time, open then, near the route, suited to the group, ' +
    'not already planned), best first. Use edit_itinerary with op "replace" to swap one in.',
  input: z
    .object({ tripId: tripIdSchema, itemId: itemIdSchema, limit: z.number().int().min(1).max(10).default(5) })
    .strict(),
  output: alternativesSchema,
  readOnly: true,
  run: async (args, { app, principal, signal }) => ({
    itemId: args.itemId,
    alternatives: await itineraryEditingFor(app).editor.alternatives(
      principal.userId,
      args.tripId,
      args.itemId,
      args.limit,
      signal,
    ),
  }),
  render: (r) =>
    r.alternatives
      .map(
        (a) =>
          `${a.place.id} ${a.place.name} (${a.start}–${a.end}, ${a.extraTravelMinutes >= 0 ? '+' : ''}${a.extraTravelMinutes} min travel)`,
      )
      .join('\n') || 'no place fits this slot',
});

export const regenerateItineraryTool = defineTool({
  name: 'regenerate_itinerary',
  title: 'Regenerate the itinerary',
  description:
    'Plan one day (date) or every unlocked day again, keeping locked days, must-visit places and stops with memos ' +
    'or photos. Pass variation (any number) for a different plan of similar quality. The old plan is kept as a version.',
  input: regenerateRequestSchema.extend({ tripId: tripIdSchema, etag: etagSchema }).strict(),
  output: editOutput,
  readOnly: false,
  run: async (args, { app, principal, signal }) => {
    const { editor } = itineraryEditingFor(app);
    const etag = args.etag ?? (await app.itineraries.get(principal.userId, args.tripId)).etag;
    const { tripId: _t, etag: _e, ...request } = args;
    const r = await editor.regenerate(principal.userId, args.tripId, request, etag, signal);
    const itinerary = await readableItinerary(app, principal.userId, args.tripId, r.doc, undefined, signal);
    return { itinerary, warnings: r.warnings, etag: r.etag };
  },
  render: renderEdit,
});

export const setItemMemoTool = defineTool({
  name: 'set_item_memo',
  title: 'Note on an item',
  description:
    'Set (or with "" remove) the traveller’s memo on an itinerary item; it stays with the item through edits.',
  input: z.object({ tripId: tripIdSchema, itemId: itemIdSchema, memo: z.string().max(2000) }).strict(),
  output: z.object({ itemId: z.string(), memo: z.string().optional(), etag: z.string() }),
  readOnly: false,
  run: async (args, { app, principal }) => {
    const { etag } = await app.itineraries.setMemo(principal.userId, args.tripId, args.itemId, args.memo);
    return { itemId: args.itemId, ...(args.memo ? { memo: args.memo } : {}), etag };
  },
  render: (r) => (r.memo ? `memo on ${r.itemId}: ${r.memo}` : `memo on ${r.itemId} removed`),
});

export const ITINERARY_EDIT_TOOLS = [
  editItineraryTool,
  getAlternativesTool,
  regenerateItineraryTool,
  setItemMemoTool,
];

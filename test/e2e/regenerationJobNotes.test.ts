import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { itineraryEditingFor } from '../../src/shared/itinerary/itineraryEditingFor.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { allItems, editingClient, type Itinerary } from './editing/editingClient.js';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(48, 7)]);
const USER = 'rowan';

/** Where an item sits: its day and its position in the day (what a generated item id is made of). */
function slotOf(itinerary: Itinerary, placeId: string) {
  for (const day of itinerary.days) {
    const index = day.items.findIndex((i) => i.place?.id === placeId);
    if (index >= 0) return { date: day.date, index, item: day.items[index]! };
  }
  return undefined;
}

/**
 * A second whole generation job (POST …/itinerary-jobs again, not the editing endpoints) through the
 * local host and the real worker and planner: the traveller's memo and photo on a place the new plan
 * puts elsewhere stay on that place; those on a place it no longer visits end in `detachedNotes`;
 * every photo record keeps its blob.
 */
describe('a new generation job keeps what the traveller added (local host + Azurite)', () => {
  let local: LocalApp;
  let client: ReturnType<typeof editingClient>;
  let tripId: string;

  beforeAll(async () => {
    local = await startLocalApp();
    client = editingClient(local, USER);
    tripId = await client.createTrip();
    await client.generate(tripId);
  });
  afterAll(async () => local?.stop());

  const blobs = () => itineraryEditingFor(local.app).photoBlobs;
  const blobName = (itemId: string, id: string) => `${USER}/${tripId}/${itemId}/${id}`;
  async function readyPhoto(itemId: string) {
    const base = `/api/trips/${tripId}/itinerary/items/${itemId}/attachments`;
    const res = await client.jsonCall(base, 'POST', { contentType: 'image/png', sizeBytes: PNG.length });
    expect(res.status).toBe(201);
    const { attachmentId, uploadUrl } = (await res.json()) as { attachmentId: string; uploadUrl: string };
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'image/png' },
      body: PNG,
    });
    expect(put.status).toBe(201);
    expect((await client.jsonCall(`${base}/${attachmentId}/complete`, 'POST')).status).toBe(200);
    return attachmentId;
  }
  async function memo(itemId: string, text: string) {
    const res = await client.jsonCall(`/api/trips/${tripId}/itinerary/items/${itemId}`, 'PATCH', {
      memo: text,
    });
    expect(res.status).toBe(200);
  }

  it('a memo and photo on a moved place survive; those of a place left out end in detachedNotes', async () => {
    const before = (await client.read(tripId)).itinerary;
    const [first, second] = before.days;
    const visits = (day: typeof first) => day!.items.filter((i) => i.kind === 'visit');
    // The last visit of day one moves when the visits before it are avoided; the first of day two goes.
    const moving = visits(first).at(-1)!;
    const leaving = visits(second)[0]!;
    const avoided = [...visits(first).slice(0, -1), leaving].map((i) => i.place!.id);
    expect(avoided.length).toBeGreaterThan(1);
    await memo(moving.id, 'bring the camera');
    const movingPhoto = await readyPhoto(moving.id);
    await memo(leaving.id, 'tickets are in the email');
    const leavingPhoto = await readyPhoto(leaving.id);

    const tripRead = await local.call(USER, `/api/trips/${tripId}`);
    const avoid = await client.jsonCall(
      `/api/trips/${tripId}`,
      'PATCH',
      { avoid: { placeIds: avoided } },
      { 'if-match': tripRead.headers.get('etag')! },
    );
    expect(avoid.status, await avoid.clone().text()).toBe(200);
    const replacedDoc = (await client.read(tripId)).itinerary;
    await client.generate(tripId);
    const after = (await client.read(tripId)).itinerary;

    // The place is still planned, somewhere else than before: its id by position would differ.
    const was = slotOf(before, moving.place!.id)!;
    const now = slotOf(after, moving.place!.id);
    expect(now, 'the new plan still visits the moving place').toBeDefined();
    expect([now!.date, now!.index]).not.toEqual([was.date, was.index]);
    expect(now!.item).toMatchObject({
      id: moving.id,
      memo: 'bring the camera',
      attachments: [{ attachmentId: movingPhoto, status: 'ready' }],
    });
    const ids = allItems(after).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The replaced plan is kept as a version, and the revision numbers on from it.
    const versions = (await (await local.call(USER, `/api/trips/${tripId}/itinerary/versions`)).json()) as {
      versions: { revision: number; reason: string }[];
    };
    const replaced = versions.versions.find((v) => v.reason.startsWith('generation job'));
    expect(replaced?.revision).toBe(replacedDoc.revision ?? 0);
    expect(after.revision).toBe((replacedDoc.revision ?? 0) + 1);

    // The avoided place is gone; its memo and photo are kept, and the traveller is told.
    expect(slotOf(after, leaving.place!.id)).toBeUndefined();
    expect(after.detachedNotes).toContainEqual(
      expect.objectContaining({
        itemId: leaving.id,
        kind: 'visit',
        memo: 'tickets are in the email',
        attachments: [expect.objectContaining({ attachmentId: leavingPhoto })],
      }),
    );
    expect(after.warnings).toContainEqual(
      expect.objectContaining({ code: 'note_detached', itemId: leaving.id }),
    );

    // Both photos are still listed with read URLs that work: no record lost its blob.
    const listed = (await (await local.call(USER, `/api/trips/${tripId}/itinerary/photos`)).json()) as {
      photos: { attachmentId: string; itemId: string; readUrl: string }[];
    };
    for (const [itemId, id] of [
      [moving.id, movingPhoto],
      [leaving.id, leavingPhoto],
    ] as const) {
      const photo = listed.photos.find((p) => p.attachmentId === id);
      expect(photo?.itemId).toBe(itemId);
      const read = await fetch(photo!.readUrl);
      expect(read.status).toBe(200);
      expect(Buffer.from(await read.arrayBuffer())).toEqual(PNG);
    }

    // Dismissing the note is refused while it has photos: they are deleted one by one, not with a memo.
    const withPhoto = await client.edit(tripId, (await client.read(tripId)).etag, [
      { op: 'dismissNote', itemId: leaving.id },
    ]);
    expect(withPhoto.status).toBe(409);
    expect(await withPhoto.json()).toMatchObject({
      errors: [{ path: 'body.operations[0].itemId' }],
    });

    // The detached photo is still the traveller's to delete, record and blob: nothing lingers.
    const deleted = await local.call(
      USER,
      `/api/trips/${tripId}/itinerary/items/${leaving.id}/attachments/${leavingPhoto}`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(204);
    expect(await blobs().inspect(blobName(leaving.id, leavingPhoto))).toBeUndefined();
    expect(await blobs().inspect(blobName(moving.id, movingPhoto))).toBeDefined();

    // Read and dealt with, the note can be dismissed: gone with its warning, nothing else changed.
    const { itinerary: beforeDismiss, etag } = await client.read(tripId);
    const unknown = await client.edit(tripId, etag, [{ op: 'dismissNote', itemId: 'no-such-item' }]);
    expect(unknown.status).toBe(404);
    const dismissed = await client.edit(tripId, etag, [{ op: 'dismissNote', itemId: leaving.id }]);
    expect(dismissed.status, await dismissed.clone().text()).toBe(200);
    const cleared = (await client.read(tripId)).itinerary;
    expect(cleared.detachedNotes ?? []).not.toContainEqual(expect.objectContaining({ itemId: leaving.id }));
    expect(cleared.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'note_detached', itemId: leaving.id }),
    );
    expect(cleared.days).toEqual(beforeDismiss.days);
  });

  it('keeps the days the traveller locked and plans the others around them', async () => {
    const trip = await client.createTrip();
    await client.generate(trip);
    const { itinerary: before, etag } = await client.read(trip);
    expect(before.days.length).toBeGreaterThan(1);
    const [first, second] = before.days;
    const locked = await client.edit(trip, etag, [{ op: 'lockDay', date: second!.date }]);
    expect(locked.status, await locked.clone().text()).toBe(200);
    // Something for the new job to change on the unlocked day: a place the traveller now avoids.
    const avoided = first!.items.find((i) => i.kind === 'visit')!.place!.id;
    const tripRead = await local.call(USER, `/api/trips/${trip}`);
    const avoid = await client.jsonCall(
      `/api/trips/${trip}`,
      'PATCH',
      { avoid: { placeIds: [avoided] } },
      { 'if-match': tripRead.headers.get('etag')! },
    );
    expect(avoid.status, await avoid.clone().text()).toBe(200);
    const lockedDoc = (await client.read(trip)).itinerary;

    await client.generate(trip);
    const after = (await client.read(trip)).itinerary;

    // The locked day is exactly as it was (items, ids, times) and still locked.
    const kept = after.days.find((d) => d.date === second!.date)!;
    expect(kept.locked).toBe(true);
    expect(kept.items).toEqual(lockedDoc.days.find((d) => d.date === second!.date)!.items);
    // The unlocked day was planned again: without the avoided place, and with none of the locked day's.
    const replanned = after.days.find((d) => d.date === first!.date)!;
    const placesOf = (items: typeof kept.items) => items.flatMap((i) => (i.place ? [i.place.id] : []));
    expect(placesOf(replanned.items)).not.toContain(avoided);
    expect(placesOf(replanned.items).filter((id) => placesOf(kept.items).includes(id))).toEqual([]);
    expect(replanned.items.some((i) => i.kind === 'visit')).toBe(true);
    // The job's plan replaced the document as any job's does: versioned, revision numbered on.
    expect(after.revision).toBe((lockedDoc.revision ?? 0) + 1);
    const versions = (await (await local.call(USER, `/api/trips/${trip}/itinerary/versions`)).json()) as {
      versions: { revision: number; reason: string }[];
    };
    expect(versions.versions).toContainEqual(
      expect.objectContaining({
        revision: lockedDoc.revision ?? 0,
        reason: expect.stringMatching(/^generation job/),
      }),
    );
  });
});

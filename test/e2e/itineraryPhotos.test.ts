import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { itineraryEditingFor } from '../../src/shared/itinerary/itineraryEditingFor.js';
import { PhotoService } from '../../src/shared/itinerary/photos/PhotoService.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { allItems, editingClient } from './editing/editingClient.js';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(48, 7)]);

describe('photos: upload, complete, read, delete, clean up (local host + Azurite)', () => {
  let local: LocalApp;
  let client: ReturnType<typeof editingClient>;
  let tripId: string;
  let itemId: string;

  beforeAll(async () => {
    local = await startLocalApp();
    client = editingClient(local, 'phoebe');
    tripId = await client.createTrip();
    await client.generate(tripId);
    itemId = allItems((await client.read(tripId)).itinerary).find((i) => i.kind === 'meal')!.id;
  });
  afterAll(async () => local?.stop());

  const base = (on = itemId) => `/api/trips/${tripId}/itinerary/items/${on}/attachments`;
  async function upload(contentType: string, sizeBytes: number, bytes?: Buffer, on = itemId) {
    const res = await client.jsonCall(base(on), 'POST', { contentType, sizeBytes });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { attachmentId: string; uploadUrl: string };
    if (bytes) {
      const put = await fetch(created.uploadUrl, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': contentType },
        body: bytes,
      });
      expect(put.status).toBe(201);
    }
    return created.attachmentId;
  }
  const complete = (id: string, on = itemId) => client.jsonCall(`${base(on)}/${id}/complete`, 'POST');
  const blobName = (id: string, on = itemId) => `phoebe/${tripId}/${on}/${id}`;
  /** A ready photo on item `on`; returns its attachment id. */
  async function readyPhoto(on: string) {
    const id = await upload('image/png', PNG.length, PNG, on);
    expect((await complete(id, on)).status).toBe(200);
    return id;
  }
  const photos = itineraryEditingFor;

  it('a real PNG becomes ready and is listed with a read URL that works against Azurite', async () => {
    const id = await upload('image/png', PNG.length, PNG);
    const res = await complete(id);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ attachmentId: id, status: 'ready', sizeBytes: PNG.length });
    const listed = (await (await local.call('phoebe', `/api/trips/${tripId}/itinerary/photos`)).json()) as {
      photos: { attachmentId: string; readUrl: string; itemId: string }[];
    };
    const photo = listed.photos.find((p) => p.attachmentId === id)!;
    expect(photo.itemId).toBe(itemId);
    const read = await fetch(photo.readUrl);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer())).toEqual(PNG);

    const deleted = await local.call('phoebe', `${base()}/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await photos(local.app).photoBlobs.inspect(blobName(id))).toBeUndefined();
    expect((await fetch(photo.readUrl)).status).toBe(404);
    const item = allItems((await client.read(tripId)).itinerary).find((i) => i.id === itemId)!;
    expect(item.attachments?.some((a) => a.attachmentId === id) ?? false).toBe(false);
  });

  it('rejects at completion a file that is not an image, one larger than declared, and a missing upload', async () => {
    const cases = [
      { id: await upload('image/jpeg', 100, Buffer.from('<html>not a photo</html>')), why: /not a JPEG/ },
      { id: await upload('image/png', 10, PNG), why: /more than the 10 declared/ },
      { id: await upload('image/jpeg', 100, PNG), why: /image\/png, not image\/jpeg/ },
      { id: await upload('image/png', 100), why: /nothing was uploaded/ },
    ];
    for (const { id, why } of cases) {
      const res = await complete(id);
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('upload_rejected');
      expect(problem.detail).toMatch(why);
      expect(await photos(local.app).photoBlobs.inspect(blobName(id))).toBeUndefined();
    }
    const item = allItems((await client.read(tripId)).itinerary).find((i) => i.id === itemId)!;
    expect(item.attachments ?? []).toEqual([]);
  });

  it('the cleanup removes uploads never confirmed, and keeps ready photos', async () => {
    const abandoned = await upload('image/png', PNG.length);
    const uploadedOnly = await upload('image/png', PNG.length, PNG);
    const ready = await upload('image/png', PNG.length, PNG);
    expect((await complete(ready)).status).toBe(200);
    const later = new PhotoService({
      store: local.app.itineraryStore,
      blobs: photos(local.app).photoBlobs,
      maxBytes: local.app.config.attachments.maxBytes,
      now: () => new Date(Date.now() + 2 * 60 * 60_000),
    });
    // Azurite is shared by the test files running at once: clean up only this user's uploads here.
    expect(await later.cleanup('phoebe')).toBe(2);
    const item = allItems((await client.read(tripId)).itinerary).find((i) => i.id === itemId)!;
    expect(item.attachments!.map((a) => a.attachmentId)).toEqual([ready]);
    expect(await photos(local.app).photoBlobs.inspect(blobName(abandoned))).toBeUndefined();
    expect(await photos(local.app).photoBlobs.inspect(blobName(uploadedOnly))).toBeUndefined();
    expect(await photos(local.app).photoBlobs.inspect(blobName(ready))).toBeDefined();

    const outcome = await local.host.fireTimer('photo-cleanup');
    expect(outcome).toMatchObject({ ok: true });
  });

  it('an edit that removes or replaces an item deletes its photos (record and blob); others stay', async () => {
    const { itinerary } = await client.read(tripId);
    const [first, second] = itinerary.days;
    const visits = (day: typeof first) => day!.items.filter((i) => i.kind === 'visit');
    const removed = visits(first)[0]!;
    const replaced = visits(second)[0]!;
    const removedPhoto = await readyPhoto(removed.id);
    const replacedPhoto = await readyPhoto(replaced.id);
    const keptPhoto = (await client.read(tripId)).itinerary.days
      .flatMap((d) => d.items)
      .find((i) => i.id === itemId)!.attachments![0]!.attachmentId;

    let { etag } = await client.read(tripId);
    const res = await client.edit(tripId, etag, [{ op: 'remove', itemId: removed.id }]);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await photos(local.app).photoBlobs.inspect(blobName(removedPhoto, removed.id))).toBeUndefined();
    expect(await photos(local.app).photoBlobs.inspect(blobName(replacedPhoto, replaced.id))).toBeDefined();

    const ranked = (await (
      await local.call('phoebe', `/api/trips/${tripId}/itinerary/items/${replaced.id}/alternatives`)
    ).json()) as { alternatives: { place: { id: string } }[] };
    etag = res.headers.get('etag')!;
    const swapped = await client.edit(tripId, etag, [
      { op: 'replace', itemId: replaced.id, placeId: ranked.alternatives[0]!.place.id },
    ]);
    expect(swapped.status, await swapped.clone().text()).toBe(200);
    expect(await photos(local.app).photoBlobs.inspect(blobName(replacedPhoto, replaced.id))).toBeUndefined();

    // The meal's photo is untouched, and the listing has exactly the photos that still exist.
    expect(await photos(local.app).photoBlobs.inspect(blobName(keptPhoto))).toBeDefined();
    const listed = (await (await local.call('phoebe', `/api/trips/${tripId}/itinerary/photos`)).json()) as {
      photos: { attachmentId: string }[];
    };
    expect(listed.photos.map((p) => p.attachmentId)).toContain(keptPhoto);
    expect(listed.photos.map((p) => p.attachmentId)).not.toContain(removedPhoto);
    expect(listed.photos.map((p) => p.attachmentId)).not.toContain(replacedPhoto);
  });

  it('a photo and memo on a travel leg the edit removes are kept as a detached note, listed and deletable', async () => {
    const { itinerary, etag } = await client.read(tripId);
    const day = itinerary.days.at(-1)!;
    // The leg into the day's second stop: removing that stop removes the leg.
    const stopsAt = day.items.flatMap((item, i) =>
      item.kind === 'visit' || item.kind === 'meal' ? [i] : [],
    );
    const target = day.items[stopsAt[1]!]!;
    const leg = day.items.slice(0, stopsAt[1]!).findLast((i) => i.kind === 'travel')!;
    expect(leg).toBeDefined();
    const memo = await client.jsonCall(`/api/trips/${tripId}/itinerary/items/${leg.id}`, 'PATCH', {
      memo: 'line 2, exit 3',
    });
    expect(memo.status).toBe(200);
    const photo = await readyPhoto(leg.id);
    const res = await client.edit(tripId, (await client.read(tripId)).etag, [
      { op: 'remove', itemId: target.id },
    ]);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(etag).not.toBe(res.headers.get('etag'));
    const body = (await res.json()) as {
      itinerary: {
        detachedNotes?: { itemId: string; memo?: string; attachments?: { attachmentId: string }[] }[];
      };
      warnings: { code: string; itemId?: string }[];
    };
    expect(body.itinerary.detachedNotes).toContainEqual(
      expect.objectContaining({
        itemId: leg.id,
        memo: 'line 2, exit 3',
        attachments: [expect.objectContaining({ attachmentId: photo })],
      }),
    );
    expect(body.warnings).toContainEqual(expect.objectContaining({ code: 'note_detached', itemId: leg.id }));
    expect(await photos(local.app).photoBlobs.inspect(blobName(photo, leg.id))).toBeDefined();
    const listed = (await (await local.call('phoebe', `/api/trips/${tripId}/itinerary/photos`)).json()) as {
      photos: { attachmentId: string; itemId: string }[];
    };
    expect(listed.photos).toContainEqual(expect.objectContaining({ attachmentId: photo, itemId: leg.id }));

    const deleted = await local.call('phoebe', `${base(leg.id)}/${photo}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await photos(local.app).photoBlobs.inspect(blobName(photo, leg.id))).toBeUndefined();
    const after = (await client.read(tripId)).itinerary.detachedNotes!.find((n) => n.itemId === leg.id)!;
    expect(after).toMatchObject({ memo: 'line 2, exit 3' });
    expect(after.attachments).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { checkResponse, DOCUMENTED_OPERATIONS, exercisedOperations } from '../support/restContract.js';
import { sampleTrip } from '../support/testApp.js';
import { waitForJob } from '../support/waitFor.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
/** The smallest bytes the photo check accepts as a PNG (its signature and IHDR chunk start). */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(48, 7)]);

interface Plan {
  days: {
    date: string;
    items: { id: string; kind: string; place?: { name: string; nameOriginal?: string } }[];
  }[];
}

/**
 * The REST half of the contract: every operation in openapi/openapi.json is called for real (through
 * the local host, Azurite and the sandbox) and each response — success and error — is checked against
 * the document by `LocalApp.call`. The last test asserts that no documented operation was missed.
 */
describe('REST contract: every documented operation answers as openapi.json says', () => {
  let local: LocalApp;
  const user = 'contract-user';

  beforeAll(async () => {
    local = await startLocalApp();
  });
  afterAll(async () => local?.stop());

  const call = (path: string, init?: RequestInit) => local.call(user, path, init);

  it('health, openapi and the place operations, with an error response each', async () => {
    expect((await call('/api/health')).status).toBeLessThan(600);
    expect((await call('/api/openapi.json')).status).toBe(200);
    const search = await call('/api/places/search?query=%EA%B2%BD%EB%B3%B5%EA%B6%81&lat=37.5796&lng=126.977');
    expect(search.status).toBe(200);
    const { places } = (await search.json()) as { places: { id: string }[] };
    expect((await call(`/api/places/${encodeURIComponent(places[0]!.id)}`)).status).toBe(200);
    expect((await call('/api/places/search')).status).toBe(400);
    expect((await call('/api/places/google:doesNotExist0')).status).toBeGreaterThanOrEqual(400);
    expect((await call('/api/routes?from=37.5796,126.977&to=37.5512,126.9882&mode=car')).status).toBe(200);
    const matrix = await call('/api/routes/matrix', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        origins: [{ lat: 37.5796, lng: 126.977 }],
        destinations: [{ lat: 37.5512, lng: 126.9882 }],
      }),
    });
    expect(matrix.status).toBe(200);
    expect(
      (await call(`/api/geocode?address=${encodeURIComponent('부산 해운대구 해운대해변로 264')}`)).status,
    ).toBe(200);
    expect((await call('/api/reverse-geocode?lat=37.5796&lng=126.977')).status).toBe(200);
    const recommended = await call(
      '/api/recommendations?lat=37.5796&lng=126.977&countryCode=KR&ages=40,72&preferences=palaces&language=en&limit=5',
    );
    expect(recommended.status).toBe(200);
    expect(
      ((await recommended.json()) as { recommendations: unknown[] }).recommendations.length,
    ).toBeGreaterThan(0);
    expect((await call('/api/recommendations?lat=999&lng=1')).status).toBe(400);
  });

  it('trips, jobs and the itinerary, through a whole generation', async () => {
    const created = await call('/api/trips', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(sampleTrip()),
    });
    expect(created.status).toBe(201);
    const trip = (await created.json()) as { id: string };
    expect((await call('/api/trips')).status).toBe(200);
    const read = await call(`/api/trips/${trip.id}`);
    expect(read.status).toBe(200);
    const putWithoutIfMatch = await call(`/api/trips/${trip.id}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(sampleTrip()),
    });
    expect(putWithoutIfMatch.status).toBe(428);
    const put = await call(`/api/trips/${trip.id}`, {
      method: 'PUT',
      headers: { ...JSON_HEADERS, 'if-match': read.headers.get('etag')! },
      body: JSON.stringify(sampleTrip({ name: 'Seoul, renamed' })),
    });
    expect(put.status).toBe(200);
    const patch = await call(`/api/trips/${trip.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, 'if-match': put.headers.get('etag')! },
      body: JSON.stringify({ name: 'Seoul, patched' }),
    });
    expect(patch.status).toBe(200);

    const accepted = await call(`/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
    expect(accepted.status).toBe(202);
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect(await waitForJob(local, user, jobId)).toMatchObject({ status: 'completed' });
    expect((await call(`/api/jobs/${jobId}`)).status).toBe(200);
    const events = await call(`/api/jobs/${jobId}/events`);
    expect(events.status).toBe(200);
    await events.body?.cancel();

    const itinerary = await call(`/api/trips/${trip.id}/itinerary`);
    expect(itinerary.status).toBe(200);
    const doc = (await itinerary.json()) as { days: { items: { id: string; kind: string }[] }[] };
    // An item whose id the route accepts: ids of visits carry `_` (from the place id), which
    // `routeId` rejects today — a bug left to the itinerary owners (see the #18 report).
    const item = doc.days.flatMap((d) => d.items).find((i) => /^[A-Za-z0-9-]{1,64}$/.test(i.id))!;
    const memo = await call(`/api/trips/${trip.id}/itinerary/items/${item.id}`, {
      method: 'PATCH',
      headers: JSON_HEADERS,
      body: JSON.stringify({ memo: 'Bring water' }),
    });
    expect(memo.status).toBe(200);
    const upload = await call(`/api/trips/${trip.id}/itinerary/items/${item.id}/attachments`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ contentType: 'image/jpeg', sizeBytes: 1024 }),
    });
    expect(upload.status).toBe(201);

    expect((await call(`/api/trips/${trip.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/trips/${trip.id}`)).status).toBe(404);
  });

  it('editing, alternatives, regeneration, versions, photos and share links of a generated plan', async () => {
    const created = await call('/api/trips', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(sampleTrip()),
    });
    const trip = (await created.json()) as { id: string };
    const accepted = await call(`/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect(await waitForJob(local, user, jobId)).toMatchObject({ status: 'completed' });
    const base = `/api/trips/${trip.id}/itinerary`;
    const read = async () => {
      const res = await call(base);
      expect(res.status).toBe(200);
      return { doc: (await res.json()) as Plan, etag: res.headers.get('etag')! };
    };
    const post = (path: string, body: unknown, etag?: string) =>
      call(path, {
        method: 'POST',
        headers: { ...JSON_HEADERS, ...(etag ? { 'if-match': etag } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    let { doc } = await read();
    const stops = doc.days.flatMap((d) => d.items).filter((i) => i.kind === 'visit' || i.kind === 'meal');

    // A photo: upload slot, the bytes to Azurite, confirmation, the list, deletion.
    const photos = `${base}/items/${stops[0]!.id}/attachments`;
    const slot = await post(photos, { contentType: 'image/png', sizeBytes: PNG.length });
    expect(slot.status).toBe(201);
    const { attachmentId, uploadUrl } = (await slot.json()) as { attachmentId: string; uploadUrl: string };
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'image/png' },
      body: PNG,
    });
    expect(put.status).toBe(201);
    expect((await post(`${photos}/${attachmentId}/complete`, undefined)).status).toBe(200);
    const listed = await call(`${base}/photos`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { photos: { attachmentId: string }[] }).photos).toEqual([
      expect.objectContaining({ attachmentId }),
    ]);
    expect((await call(`${photos}/${attachmentId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await post(`${photos}/${attachmentId}/complete`, undefined)).status).toBe(404);

    // Alternatives, an edit (and one without If-Match), a day regenerated, versions, a restore.
    const { etag } = await read(); // the photo changed the document and its ETag
    const alternatives = await call(`${base}/items/${stops[1]!.id}/alternatives?limit=3`);
    expect(alternatives.status).toBe(200);
    expect(((await alternatives.json()) as { alternatives: unknown[] }).alternatives.length).toBeGreaterThan(
      0,
    );
    const remove = [{ op: 'remove', itemId: stops[1]!.id }];
    expect((await post(`${base}/edits`, { operations: remove })).status).toBe(428);
    const edited = await post(`${base}/edits`, { operations: remove }, etag);
    expect(edited.status).toBe(200);
    const regenerated = await post(
      `${base}/regenerate`,
      { date: doc.days[0]!.date },
      edited.headers.get('etag')!,
    );
    expect(regenerated.status).toBe(200);
    const versions = await call(`${base}/versions`);
    expect(versions.status).toBe(200);
    const kept = ((await versions.json()) as { versions: { revision: number }[] }).versions;
    expect(kept.length).toBeGreaterThanOrEqual(2);
    const restored = await post(
      `${base}/versions/${kept.at(-1)!.revision}/restore`,
      undefined,
      regenerated.headers.get('etag')!,
    );
    expect(restored.status).toBe(200);
    ({ doc } = await read());
    expect(doc.days.flatMap((d) => d.items).map((i) => i.id)).toContain(stops[1]!.id);

    // A share link: created, its status, the page and its JSON (places as the owner reads them), revoked.
    const shared = await post(`/api/trips/${trip.id}/share`, {});
    expect(shared.status).toBe(201);
    const { token } = (await shared.json()) as { token: string };
    expect(((await (await call(`/api/trips/${trip.id}/share`)).json()) as { shared: boolean }).shared).toBe(
      true,
    );
    const page = await call(`/api/share/${token}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    await page.body?.cancel();
    const view = await call(`/api/share/${token}`, { headers: { accept: 'application/json' } });
    expect(view.status).toBe(200);
    const placesOf = (plan: Plan) =>
      plan.days.flatMap((d) => d.items.flatMap((i) => (i.place ? [i.place] : [])));
    expect(placesOf((await view.json()) as Plan)).toEqual(placesOf(doc));
    expect((await call(`/api/trips/${trip.id}/share`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/share/${token}`)).status).toBe(404);
    expect((await call(`/api/trips/${trip.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('MCP answers over POST (a JSON-RPC body; the REST checker sees only the status and type)', async () => {
    const response = await call('/api/mcp', {
      method: 'POST',
      headers: { ...JSON_HEADERS, accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(await checkResponse('POST', `${local.url}/api/mcp`, response)).toBeUndefined();
    await response.body?.cancel();
  });

  it('reports a response that breaks the contract (the checker can fail)', async () => {
    const wrong = new Response(JSON.stringify({ distanceMeters: 'far' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect(await checkResponse('GET', `${local.url}/api/routes`, wrong)).toMatch(/body/);
    expect(
      await checkResponse('GET', `${local.url}/api/nowhere`, new Response(null, { status: 404 })),
    ).toMatch(/not in openapi.json/);
  });

  it('has called every operation the document declares', () => {
    expect(DOCUMENTED_OPERATIONS.filter((op) => !exercisedOperations.has(op))).toEqual([]);
  });
});

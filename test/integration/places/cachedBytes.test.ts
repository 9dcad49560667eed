import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { tokenFor } from '../../support/testApp.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch asks for gzip by itself and decompresses out of sight. */
async function get(base: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Cached answers served as bytes: ETag and 304, Brotli/gzip when accepted, one write with Content-Length. */
describe('cached bytes over HTTP (local host, sandbox upstream)', () => {
  let app: LocalApp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    app = await startLocalApp();
    auth = { authorization: `Bearer ${await tokenFor('bytes-user')}` };
  });
  afterAll(() => app?.stop());

  const SEARCH = '/api/places/search?query=restaurant&lat=35.6586&lng=139.7454';

  it('a search hit is the same bytes as the miss but for `cache`, with an ETag that revalidates', async () => {
    const miss = await get(app.url, SEARCH, auth);
    const hit = await get(app.url, SEARCH, auth);
    expect(miss.status).toBe(200);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-length']).toBe(String(hit.body.byteLength));
    const body = JSON.parse(hit.body.toString()) as { cache: string; places: unknown[] };
    expect(body.cache).toBe('hit');
    expect({ ...body, cache: 'miss' }).toEqual(JSON.parse(miss.body.toString()));
    expect(hit.headers.etag).toMatch(/^"[\w-]+"$/);
    expect((await get(app.url, SEARCH, auth)).headers.etag).toBe(hit.headers.etag);

    const revalidated = await get(app.url, SEARCH, { ...auth, 'if-none-match': hit.headers.etag as string });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.byteLength).toBe(0);
  });

  it('compresses a search answer with Brotli or gzip when the client accepts it', async () => {
    const plain = await get(app.url, SEARCH, auth);
    const br = await get(app.url, SEARCH, { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    const gz = await get(app.url, SEARCH, { ...auth, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(plain.body);
  });

  it('serves the itinerary view compressed, with the store ETag that still works for If-None-Match', async () => {
    const tripId = randomUUID();
    const doc: ItineraryDocument = {
      tripId,
      jobId: 'job-1',
      generatedAt: '2026-11-29T00:00:00.000Z',
      days: [{ date: '2026-12-10', items: [] }],
      warnings: Array.from({ length: 40 }, (_, i) => ({ code: 'note', message: `warning number ${i}` })),
      dropped: [],
    };
    const etag = await app.app.itineraryStore.put('bytes-user', tripId, doc);
    // With a language asked for, the view is served without reading the trip (none exists here).
    const path = `/api/trips/${tripId}/itinerary?language=ko`;
    const plain = await get(app.url, path, auth);
    expect(plain.status).toBe(200);
    expect(plain.headers.etag).toBe(etag);
    const { jobId: _hidden, ...publicView } = doc;
    expect(JSON.parse(plain.body.toString())).toEqual({ ...publicView, language: 'ko' });
    const br = await get(app.url, path, { ...auth, 'accept-encoding': 'br' });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', etag });
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect((await get(app.url, path, { ...auth, 'if-none-match': etag })).status).toBe(304);
  });
});

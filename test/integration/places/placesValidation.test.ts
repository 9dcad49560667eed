import { afterEach, describe, expect, it } from 'vitest';

import { expectProblem, postJson, usePlacesApp } from './placesApp.js';

const SEOUL = 'lat=37.5796&lng=126.977';

/** Bad input is a 400 problem naming the failing fields, and never reaches a provider. */
describe('places API input checks', () => {
  const app = usePlacesApp();

  afterEach(() => {
    expect(app.local.sandbox.stats.requests()).toBe(0);
  });

  it.each([
    ['lat without lng', `/api/places/search?query=palace&lat=37.5796`, ['query.lng']],
    ['lat out of range', `/api/places/search?query=palace&lat=91&lng=126.977`, ['query.lat']],
    ['lat not a number', `/api/places/search?query=palace&lat=north&lng=126.977`, ['query.lat']],
    ['neither query nor category', `/api/places/search?${SEOUL}`, ['query.query']],
    ['category without a centre', `/api/places/search?category=cafe`, ['query.lat']],
    ['radius 0', `/api/places/search?query=palace&${SEOUL}&radius=0`, ['query.radius']],
    ['size 16', `/api/places/search?query=palace&${SEOUL}&size=16`, ['query.size']],
    ['page 46', `/api/places/search?query=palace&${SEOUL}&page=46`, ['query.page']],
    ['unknown category', `/api/places/search?category=zoo&${SEOUL}`, ['query.category']],
    ['unknown provider', `/api/places/search?query=palace&provider=naver`, ['query.provider']],
    ['bad language', `/api/places/search?query=palace&language=Korean`, ['query.language']],
    [
      'several at once',
      `/api/places/search?query=palace&${SEOUL}&radius=0&size=16`,
      ['query.radius', 'query.size'],
    ],
    ['bad place id', `/api/places/naver:123`, ['params.id']],
    ['place id with a path', `/api/places/google:abc%2F..%2Fx`, ['params.id']],
    ['unknown details param', `/api/places/google:ChIJrWDFhCnidT9gOwp88X1VC_T?fields=*`, ['query']],
    ['route without to', `/api/routes?from=37.5796,126.977`, ['query.to']],
    ['route with a bad point', `/api/routes?from=37.5796&to=37.5512,126.9882`, ['query.from']],
    [
      'route with an unknown mode',
      `/api/routes?from=37.5796,126.977&to=37.5512,126.9882&mode=plane`,
      ['query.mode'],
    ],
    ['geocode without address', `/api/geocode`, ['query.address']],
    ['reverse geocode off the globe', `/api/reverse-geocode?lat=37.5&lng=181`, ['query.lng']],
  ])('rejects %s with 400 and the field paths', async (_case, path, paths) => {
    const res = await app.request(path);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      expect.arrayContaining(paths),
    );
    for (const error of res.body.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('rejects an unknown search parameter, naming it (no open proxy)', async () => {
    const res = await app.request(`/api/places/search?query=palace&${SEOUL}&fields=*`);
    expectProblem(res, 400, 'validation_failed');
    // zod reports unknown keys on the object itself, so the path is `query` and the message names the key.
    expect(res.body.errors).toEqual([{ path: 'query', message: expect.stringContaining('"fields"') }]);
  });

  it('rejects a matrix of more than 25 origins', async () => {
    const origins = Array.from({ length: 26 }, (_, i) => ({ lat: 37.5 + i / 1000, lng: 126.97 }));
    const res = await app.request(
      '/api/routes/matrix',
      postJson({ origins, destinations: [{ lat: 37.55, lng: 126.98 }] }),
    );
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([{ path: 'body.origins', message: expect.any(String) }]);
  });

  it('rejects a matrix cell outside the globe and an unknown body field', async () => {
    const res = await app.request(
      '/api/routes/matrix',
      postJson({
        origins: [{ lat: 95, lng: 126.97 }],
        destinations: [{ lat: 37.55, lng: 126.98 }],
        mode: 'car',
        avoid: 'tolls',
      }),
    );
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body',
      'body.origins.0.lat',
    ]);
  });

  it('answers 415 for a body that is not declared JSON, and 400 for malformed JSON', async () => {
    const text = await app.request('/api/routes/matrix', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'origins',
    });
    expectProblem(text, 415, 'unsupported_media_type');
    const broken = await app.request('/api/routes/matrix', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"origins": [',
    });
    expectProblem(broken, 400, 'validation_failed');
    expect(broken.body.errors).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  it('answers 401 without a bearer token, and with a forged one', async () => {
    const none = await fetch(`${app.local.url}/api/places/search?query=palace&${SEOUL}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toMatchObject({ code: 'unauthorized' });

    const forged = await fetch(`${app.local.url}/api/routes?from=37.5796,126.977&to=37.5512,126.9882`, {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl' },
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'unauthorized' });
  });
});

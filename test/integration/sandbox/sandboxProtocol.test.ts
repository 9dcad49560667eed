import { describe, expect, it } from 'vitest';

import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();

/** GET a Kakao path with the sandbox key, another key, or (`null`) no Authorization header. */
const kakao = async (path: string, key: string | null = t.sandbox.kakaoKey) =>
  fetch(`${t.sandbox.url}${path}`, {
    headers: key === null ? {} : { authorization: `KakaoAK ${key}` },
  });

const google = async (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${t.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the sandbox speaks the providers’ protocols', () => {
  it('rejects Kakao requests without or with a wrong key with 401 AccessDeniedError', async () => {
    const missing = await kakao('/v2/local/search/keyword.json?query=%EC%B9%B4%ED%8E%98', null);
    const wrong = await kakao('/v2/local/search/keyword.json?query=%EC%B9%B4%ED%8E%98', 'nope');
    const mobility = await kakao('/v1/directions?origin=126.97,37.57&destination=126.98,37.55', 'nope');

    expect([missing.status, await missing.json()]).toStrictEqual([
      401,
      { errorType: 'AccessDeniedError', message: 'cannot find Authorization : KakaoAK header' },
    ]);
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { errorType: string }).errorType).toBe('AccessDeniedError');
    expect([mobility.status, ((await mobility.json()) as { code: number }).code]).toStrictEqual([401, -401]);
  });

  it('rejects Google requests: no key 403 PERMISSION_DENIED, wrong key 400 API_KEY_INVALID', async () => {
    const mask = { 'x-goog-fieldmask': 'places.id' };
    const missing = await google('/v1/places:searchText', { textQuery: 'museum' }, mask);
    const wrong = await google(
      '/v1/places:searchText',
      { textQuery: 'museum' },
      { ...mask, 'x-goog-api-key': 'nope' },
    );

    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');
    expect(await wrong.json()).toStrictEqual({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'places.googleapis.com' },
          },
        ],
      },
    });
  });

  it('requires a Google field mask, applies it, and rejects unknown fields', async () => {
    const key = { 'x-goog-api-key': t.sandbox.googleKey };
    const noMask = await google('/v1/places:searchText', { textQuery: 'Tokyo Tower' }, key);
    const masked = await google(
      '/v1/places:searchText',
      { textQuery: 'Tokyo Tower', pageSize: 1 },
      {
        ...key,
        'x-goog-fieldmask': 'places.id,places.displayName.text',
      },
    );
    const typo = await google(
      '/v1/places:searchText',
      { textQuery: 'Tokyo Tower' },
      { ...key, 'x-goog-fieldmask': 'places.nmae' },
    );
    const detailsWithPrefix = await fetch(
      `${t.sandbox.url}/v1/places/${t.sandbox.places.byKakaoId(PLACES.tokyoTower.kakaoId)!.googleId}`,
      { headers: { ...key, 'x-goog-fieldmask': 'places.id' } },
    );

    expect([
      noMask.status,
      ((await noMask.json()) as { error: { status: string } }).error.status,
    ]).toStrictEqual([400, 'INVALID_ARGUMENT']);
    expect(await masked.json()).toStrictEqual({
      places: [
        {
          id: t.sandbox.places.byKakaoId(PLACES.tokyoTower.kakaoId)!.googleId,
          displayName: { text: 'Tokyo Tower' },
        },
      ],
    });
    expect(typo.status).toBe(400);
    expect(detailsWithPrefix.status).toBe(400);
  });

  it('answers Google’s "no results" with {} and sends Kakao coordinates and distances as strings', async () => {
    const none = await google(
      '/v1/places:searchText',
      { textQuery: 'zzzz no such place' },
      {
        'x-goog-api-key': t.sandbox.googleKey,
        'x-goog-fieldmask': 'places.id',
      },
    );
    const kakaoPage = (await (
      await kakao('/v2/local/search/keyword.json?query=%EA%B2%BD%EB%B3%B5%EA%B6%81&x=126.97&y=37.57')
    ).json()) as {
      documents: Array<{ x: unknown; y: unknown; distance: unknown }>;
    };

    expect(await none.json()).toStrictEqual({});
    expect(kakaoPage.documents[0]).toMatchObject({
      x: '126.977',
      y: '37.5796',
      distance: expect.stringMatching(/^\d+$/),
    });
  });

  it('labels every answer as sample data', async () => {
    const response = await kakao('/v2/local/search/keyword.json?query=%EA%B2%BD%EB%B3%B5%EA%B6%81');

    expect(response.headers.get('x-sandbox-notice')).toMatch(/^SAMPLE DATA/);
    expect(((await response.json()) as { meta: { _notice: string } }).meta._notice).toMatch(/APPROXIMATE/);
  });
});

describe('the sandbox control API', () => {
  it('adds, lists and clears faults over HTTP', async () => {
    const added = await fetch(`${t.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify([
        { kind: 'http_error', status: 502, upstream: 'kakao-local' },
        { kind: 'latency', ms: 1 },
      ]),
    });
    const failing = await kakao('/v2/local/search/keyword.json?query=%EA%B2%BD%EB%B3%B5%EA%B6%81');
    const listed = (await (await fetch(`${t.sandbox.url}/__sandbox/faults`)).json()) as {
      faults: Array<{ kind: string; fired: number }>;
    };
    await fetch(`${t.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    const healed = await kakao('/v2/local/search/keyword.json?query=%EA%B2%BD%EB%B3%B5%EA%B6%81');

    expect(added.status).toBe(201);
    expect(((await added.clone().json()) as { ids: string[] }).ids).toHaveLength(2);
    expect(failing.status).toBe(502);
    expect(listed.faults.map((f) => [f.kind, f.fired])).toStrictEqual([
      ['http_error', 1],
      ['latency', 1],
    ]);
    expect(healed.status).toBe(200);
  });

  it('refuses an invalid fault rule with the reasons', async () => {
    const response = await fetch(`${t.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'meteor' }),
    });

    expect(response.status).toBe(400);
    expect(t.sandbox.faults.list()).toStrictEqual([]);
  });

  it('changes a place’s opening hours at run time, seen by Places details, and undoes it on reset', async () => {
    const place = t.sandbox.places.byKakaoId(PLACES.nationalMuseum.kakaoId)!;
    const details = async () =>
      t.googlePlaces.getPlace(place.googleId, { languageCode: 'en' }).then((p) => p.openingHours?.periods);
    const before = await details();

    const patched = await fetch(`${t.sandbox.url}/__sandbox/places/google:${place.googleId}`, {
      method: 'POST',
      body: JSON.stringify({ openingHours: [{ day: 2, open: '12:00', close: '15:00' }] }),
    });
    const after = await details();
    await fetch(`${t.sandbox.url}/__sandbox/reset`, { method: 'POST' });

    expect(patched.status).toBe(200);
    expect(before).toHaveLength(7);
    expect(after).toStrictEqual([{ day: 2, open: '12:00', close: '15:00' }]);
    expect(await details()).toStrictEqual(before);
  });

  it('counts upstream requests by path, but not control requests', async () => {
    const id = t.sandbox.places.byKakaoId(PLACES.tokyoTower.kakaoId)!.googleId;
    await t.googlePlaces.getPlace(id);
    await t.googlePlaces.getPlace(id);
    await t.kakaoLocal.searchKeyword({ query: '경복궁' });
    await fetch(`${t.sandbox.url}/__sandbox/faults`);

    const stats = (await (await fetch(`${t.sandbox.url}/__sandbox/stats`)).json()) as unknown;

    expect(stats).toStrictEqual({
      requests: 3,
      byPath: { '/v1/places/{id}': 2, '/v2/local/search/keyword.json': 1 },
    });
    expect(t.sandbox.stats.requests()).toBe(3);
  });
});

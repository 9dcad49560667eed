import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { Authenticator } from '../../src/shared/auth/Authenticator.js';
import { itineraryKeys } from '../../src/shared/itinerary/itineraryKeys.js';

const SECRET = 'hostile-identity-secret-long-enough-for-hs256';
const auth = new Authenticator({
  issuer: 'tripgen-local',
  audience: 'tripgen-api',
  localSecret: () => SECRET,
});

/** Sign exactly the claims given (no defaults), so each test controls every claim. */
async function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
}

const now = () => Math.floor(Date.now() / 1000);
const valid = (extra: Record<string, unknown>) => ({
  iss: 'tripgen-local',
  aud: 'tripgen-api',
  iat: now(),
  exp: now() + 600,
  ...extra,
});

describe('user ids are validated once, at authentication', () => {
  const rejected: [string, unknown][] = [
    ['dot-dot', '..'],
    ['dot', '.'],
    ['leading dot', '.hidden'],
    ['slash', 'a/b'],
    ['unicode', 'ālice'],
    ['hangul', '김민지'],
    ['200 characters', 'a'.repeat(200)],
    ['empty', ''],
    ['number', 12345],
    ['object', { id: 'x' }],
    ['control character', 'a\nb'],
  ];
  for (const [name, sub] of rejected) {
    it(`rejects sub = ${name} with 401`, async () => {
      await expect(auth.authenticate(`Bearer ${await token(valid({ sub }))}`)).rejects.toMatchObject({
        status: 401,
      });
    });
  }

  it('rejects an oid that is not a string even when sub is fine', async () => {
    await expect(
      auth.authenticate(`Bearer ${await token(valid({ sub: 'alice', oid: 42 }))}`),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('accepts the id formats real identity providers use, up to 128 characters', async () => {
    for (const sub of ['alice', 'a-b', 'a:b', 'auth0|5f7c8ec7', 'user@example.com', 'a'.repeat(128)])
      await expect(auth.authenticate(`Bearer ${await token(valid({ sub }))}`)).resolves.toMatchObject({
        userId: sub,
      });
  });

  it('requires exp, and refuses iat in the future beyond the clock skew', async () => {
    const { exp: _exp, ...noExp } = valid({ sub: 'alice' });
    await expect(auth.authenticate(`Bearer ${await token(noExp)}`)).rejects.toMatchObject({ status: 401 });
    const yearAhead = valid({ sub: 'alice', iat: now() + 365 * 86_400, exp: now() + 366 * 86_400 });
    await expect(auth.authenticate(`Bearer ${await token(yearAhead)}`)).rejects.toMatchObject({
      status: 401,
    });
    const nbfAhead = valid({ sub: 'alice', nbf: now() + 3600 });
    await expect(auth.authenticate(`Bearer ${await token(nbfAhead)}`)).rejects.toMatchObject({ status: 401 });
    const slightSkew = valid({ sub: 'alice', iat: now() + 10 });
    await expect(auth.authenticate(`Bearer ${await token(slightSkew)}`)).resolves.toMatchObject({
      userId: 'alice',
    });
  });
});

describe('storage names built from (owner, trip) never collide', () => {
  const pairs: [string, string][] = [
    ['alice-06769ebe', 'cb2c-4fb0-8d92-20ec8c64e413'],
    ['alice', '06769ebe-cb2c-4fb0-8d92-20ec8c64e413'],
    ['a-b', 'c'],
    ['a', 'b-c'],
    ['a:b', 'c'],
    ['a', 'b:c'],
    ['a-b', 'c:d'],
    ['a:b', 'c-d'],
  ];
  it('gives every pair its own blob name and Redis keys', () => {
    for (const field of ['blob', 'doc', 'etag', 'generation'] as const) {
      const names = pairs.map(([owner, trip]) => itineraryKeys(owner, trip)[field]);
      expect(new Set(names).size, field).toBe(pairs.length);
    }
  });
});

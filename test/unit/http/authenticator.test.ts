import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Authenticator } from '../../../src/shared/auth/Authenticator.js';
import { issueLocalToken } from '../../../src/shared/auth/issueLocalToken.js';

const secret = 'unit-test-secret-that-is-long-enough-0000';
const local = new Authenticator({
  issuer: 'tripgen-local',
  audience: 'tripgen-api',
  localSecret: () => secret,
});

describe('Authenticator', () => {
  it('accepts a local dev token and returns its subject', async () => {
    const token = await issueLocalToken({
      secret,
      issuer: 'tripgen-local',
      audience: 'tripgen-api',
      userId: 'alice',
    });
    await expect(local.authenticate(`Bearer ${token}`)).resolves.toEqual({ userId: 'alice', name: 'alice' });
  });

  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('rejects %s with 401', async (_label, header) => {
    await expect(local.authenticate(header)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('rejects a wrong audience, a wrong key and an expired token', async () => {
    const wrongAud = await issueLocalToken({
      secret,
      issuer: 'tripgen-local',
      audience: 'other',
      userId: 'a',
    });
    const wrongKey = await issueLocalToken({
      secret: 'x'.repeat(40),
      issuer: 'tripgen-local',
      audience: 'tripgen-api',
      userId: 'a',
    });
    const expired = await issueLocalToken({
      secret,
      issuer: 'tripgen-local',
      audience: 'tripgen-api',
      userId: 'a',
      expiresIn: '-1h',
    });
    for (const token of [wrongAud, wrongKey, expired]) {
      await expect(local.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthorized' });
    }
  });

  it('verifies RS256 tokens against a JWKS and prefers the oid claim', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const auth = new Authenticator({
      issuer: 'https://issuer',
      audience: 'api://tripgen',
      jwks: { keys: [jwk] },
    });
    const token = await new SignJWT({ oid: 'object-id-1', name: 'Bo' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('pairwise-sub')
      .setIssuer('https://issuer')
      .setAudience('api://tripgen')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toEqual({
      userId: 'object-id-1',
      name: 'Bo',
    });
    // An HS256 token signed with a guessed secret must not pass a JWKS-configured authenticator.
    const forged = await issueLocalToken({
      secret,
      issuer: 'https://issuer',
      audience: 'api://tripgen',
      userId: 'x',
    });
    await expect(auth.authenticate(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('Authenticator caching', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const rememberingAuthenticator = (localSecret: () => string) =>
    new Authenticator({
      issuer: 'tripgen-local',
      audience: 'tripgen-api',
      localSecret,
      clockToleranceSeconds: 0,
    });
  const token = (signWith: string, userId: string) =>
    issueLocalToken({
      secret: signWith,
      issuer: 'tripgen-local',
      audience: 'tripgen-api',
      userId,
      expiresIn: '2s',
    });

  it('remembers a verified token only until its own expiry, then rejects it as expired', async () => {
    // Only Date is faked: jose and the cache read the clock through it; WebCrypto stays real.
    vi.useFakeTimers({ toFake: ['Date'] });
    const auth = rememberingAuthenticator(() => secret);
    const carol = await token(secret, 'carol');
    await expect(auth.authenticate(`Bearer ${carol}`)).resolves.toMatchObject({ userId: 'carol' });
    vi.setSystemTime(Date.now() + 2_100);
    await expect(auth.authenticate(`Bearer ${carol}`)).rejects.toMatchObject({
      code: 'unauthorized',
      detail: expect.stringContaining('ERR_JWT_EXPIRED'),
    });
  });

  it('keeps a remembered token across a secret rotation until its expiry, but verifies new ones with the new secret', async () => {
    let current = secret;
    const auth = rememberingAuthenticator(() => current);
    const carol = await token(secret, 'carol');
    const dave = await token(secret, 'dave');
    await expect(auth.authenticate(`Bearer ${carol}`)).resolves.toMatchObject({ userId: 'carol' });
    current = 'a-rotated-secret-that-is-also-long-enough-000';
    await expect(auth.authenticate(`Bearer ${carol}`)).resolves.toMatchObject({ userId: 'carol' });
    await expect(auth.authenticate(`Bearer ${dave}`)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

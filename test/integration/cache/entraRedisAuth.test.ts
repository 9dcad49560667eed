import { randomUUID } from 'node:crypto';

import type { AccessToken, TokenCredential } from '@azure/identity';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  EntraRedisAuth,
  REDIS_ENTRA_SCOPE,
  refreshDelayMs,
} from '../../../src/shared/cache/EntraRedisAuth.js';
import { createEntraRedisConnection } from '../../../src/shared/cache/redisConnection.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';

/** An unsigned JWT-shaped token with an `oid` claim: all the app reads from an Entra ID access token. */
function fakeAccessToken(oid: string, serial: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ oid, serial, aud: 'https://redis.azure.com' })}.sig`;
}

/**
 * Stands in for the managed identity: every getToken returns a new token (rotation), for one object id,
 * and remembers the scopes it was asked for.
 */
class RotatingCredential implements TokenCredential {
  readonly issued: string[] = [];
  readonly scopes: string[] = [];
  constructor(readonly oid: string) {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...[scopes].flat());
    const token = fakeAccessToken(this.oid, this.issued.length + 1);
    this.issued.push(token);
    return { token, expiresOnTimestamp: Date.now() + 60 * 60_000 };
  }
}

/**
 * Azure Managed Redis accepts the identity's object id as user name and a current Entra ID token as its
 * password. Here the real redis-server plays that part with an ACL user whose password is set to the
 * token the fake credential issued, and rotated with it.
 */
describe('Entra ID sign-in to Redis (real redis-server with ACL users)', () => {
  let admin: Redis;
  const users: string[] = [];
  const newUser = () => {
    const oid = randomUUID();
    users.push(oid);
    return oid;
  };
  /** The server accepts exactly `tokens` as passwords of `oid` from now on. */
  const allowOnly = async (oid: string, tokens: string[]) => {
    await admin.call(
      'ACL',
      'SETUSER',
      oid,
      'reset',
      'on',
      '~*',
      '&*',
      '+@all',
      ...tokens.map((t) => `>${t}`),
    );
  };

  beforeAll(() => {
    if (redisUrl()) admin = new Redis(redisUrl()!);
  });
  afterAll(async () => {
    if (!admin) return;
    for (const oid of users) await admin.call('ACL', 'DELUSER', oid);
    admin.disconnect();
  });

  itWithRedis('signs in as the object id with the current token and asks for the Redis scope', async () => {
    const credential = new RotatingCredential(newUser());
    await allowOnly(credential.oid, [fakeAccessToken(credential.oid, 1)]);
    const redis = await createEntraRedisConnection(redisUrl()!, credential);
    try {
      expect(await redis.call('ACL', 'WHOAMI')).toBe(credential.oid);
      await redis.set(`entra-test:${credential.oid}`, 'v', 'PX', 10_000);
      expect(await redis.get(`entra-test:${credential.oid}`)).toBe('v');
      expect(credential.scopes).toEqual([REDIS_ENTRA_SCOPE]);
    } finally {
      redis.disconnect();
    }
  });

  itWithRedis(
    're-authenticates the live connection with the rotated token, and reconnects with it',
    async () => {
      const credential = new RotatingCredential(newUser());
      await allowOnly(credential.oid, [fakeAccessToken(credential.oid, 1)]);
      const redis = new Redis(redisUrl()!, { lazyConnect: true, maxRetriesPerRequest: 3 });
      const auth = new EntraRedisAuth(redis, credential);
      try {
        await auth.refresh();
        await redis.connect();
        expect(await redis.call('ACL', 'WHOAMI')).toBe(credential.oid);

        // The token rotates: the server now takes only the second one.
        const [first] = credential.issued;
        await allowOnly(credential.oid, [fakeAccessToken(credential.oid, 2)]);
        await auth.refresh();
        expect(credential.issued).toHaveLength(2);
        expect(await redis.ping()).toBe('PONG');

        // A dropped connection comes back with the current token, not the one it started with.
        const id = await redis.client('ID');
        await admin.client('KILL', 'ID', String(id));
        expect(await redis.call('ACL', 'WHOAMI')).toBe(credential.oid);
        expect(await redis.client('ID')).not.toBe(id);

        // And the old token really is dead: the rotation is what kept the connection working.
        const stale = new Redis(redisUrl()!);
        await expect(stale.call('AUTH', credential.oid, first!)).rejects.toThrow(/WRONGPASS/);
        stale.disconnect();
      } finally {
        auth.stop();
        redis.disconnect();
      }
    },
  );

  itWithRedis('logs a failed refresh without the token and keeps the connection it has', async () => {
    const credential = new RotatingCredential(newUser());
    await allowOnly(credential.oid, [fakeAccessToken(credential.oid, 1)]);
    const warnings: string[] = [];
    const logger = {
      warn: (message: string, fields?: object) => warnings.push(`${message} ${JSON.stringify(fields)}`),
    };
    const redis = await createEntraRedisConnection(redisUrl()!, credential, logger as never);
    try {
      expect(await redis.call('ACL', 'WHOAMI')).toBe(credential.oid);
      const failing = new EntraRedisAuth(
        redis,
        { getToken: () => Promise.reject(new Error('IMDS unavailable')) },
        logger as never,
      );
      await failing.refresh();
      failing.stop();
      expect(await redis.ping()).toBe('PONG');
      expect(warnings).toEqual([expect.stringContaining('redis token refresh failed')]);
      expect(warnings.join()).toContain('IMDS unavailable');
      expect(warnings.join()).not.toContain(credential.issued[0]!);
    } finally {
      redis.disconnect();
    }
  });
});

describe('EntraRedisAuth scheduling (fake timers, no server)', () => {
  afterEach(() => vi.useRealTimers());

  it('gets the next token before the current one expires, and keeps doing so', async () => {
    vi.useFakeTimers();
    const issued: number[] = [];
    const credential: TokenCredential = {
      getToken: async () => {
        issued.push(Date.now());
        return {
          token: fakeAccessToken('oid-1', issued.length),
          expiresOnTimestamp: Date.now() + 10 * 60_000,
        };
      },
    };
    const redis = { status: 'wait', options: {} } as unknown as Redis;
    const auth = new EntraRedisAuth(redis, credential);
    await auth.refresh();
    expect(redis.options).toMatchObject({ username: 'oid-1', password: fakeAccessToken('oid-1', 1) });
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(issued).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(issued).toHaveLength(2);
    expect(redis.options.password).toBe(fakeAccessToken('oid-1', 2));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(issued).toHaveLength(3);
    auth.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(issued).toHaveLength(3);
  });
});

describe('refreshDelayMs', () => {
  const now = 1_000_000_000;
  it('refreshes five minutes before expiry', () => {
    expect(refreshDelayMs({ expiresOnTimestamp: now + 60 * 60_000 }, now)).toBe(55 * 60_000);
  });
  it("honours the credential's earlier refreshAfterTimestamp", () => {
    expect(
      refreshDelayMs(
        { expiresOnTimestamp: now + 60 * 60_000, refreshAfterTimestamp: now + 30 * 60_000 },
        now,
      ),
    ).toBe(30 * 60_000);
  });
  it('never schedules sooner than a second, even for an almost expired token', () => {
    expect(refreshDelayMs({ expiresOnTimestamp: now + 10_000 }, now)).toBe(1_000);
  });
});

it('has no Redis secret left for Key Vault', async () => {
  const { SETTINGS_BY_NAME } = await import('../../../src/shared/config/settings.js');
  expect(SETTINGS_BY_NAME.get('REDIS_URL')?.keyVaultName).toBeUndefined();
});

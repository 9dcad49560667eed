import { webcrypto } from 'node:crypto';

import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';

import { AppError } from '../errors/AppError.js';

/** Who is calling. `userId` is the only identity the app trusts; it comes from a verified token. */
export interface Principal {
  userId: string;
  name?: string;
}

export interface AuthenticatorOptions {
  issuer: string;
  audience: string;
  /** jwks mode: the issuer's JWKS URL. */
  jwksUri?: string;
  /** local mode: the HS256 secret that `npm run dev-token` signs with. */
  localSecret?: () => string | undefined;
  /** Tests: a fixed key set instead of fetching `jwksUri`. */
  jwks?: Parameters<typeof createLocalJWKSet>[0];
  clockToleranceSeconds?: number;
}

/**
 * Validates `Authorization: Bearer <jwt>` with jose: signature, issuer, audience, expiry. The user id is
 * the Entra `oid` claim when present (stable per user across apps), else `sub`.
 */
export class Authenticator {
  readonly #options: Readonly<AuthenticatorOptions>;
  readonly #remote?: JWTVerifyGetKey;
  /**
   * Tokens already verified, until their own expiry: a client sends the same token on every call,
   * and re-verifying (a WebCrypto key import + HMAC/RSA) was the largest CPU cost of a cached read.
   */
  readonly #verified = new LRUCache<string, { principal: Principal; expiresAt: number }>({ max: 10_000 });
  #localKey?: { secret: string; key: Promise<webcrypto.CryptoKey> };

  constructor(options: Readonly<AuthenticatorOptions>) {
    this.#options = options;
    if (options.jwks) this.#remote = createLocalJWKSet(options.jwks);
    else if (options.jwksUri)
      this.#remote = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000 });
  }

  async authenticate(authorization: string | null | undefined): Promise<Principal> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match) throw unauthorized('A bearer token is required');
    const token = match[1]!;
    const known = this.#verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.principal;
    const clockTolerance = this.#options.clockToleranceSeconds ?? 30;
    // `exp` is required: a token without one would be valid forever. jose checks `nbf` with the tolerance.
    const verifyOptions = {
      issuer: this.#options.issuer,
      audience: this.#options.audience,
      clockTolerance,
      requiredClaims: ['exp'],
    };
    try {
      const { payload } = this.#remote
        ? await jwtVerify(token, this.#remote, verifyOptions)
        : await jwtVerify(token, await this.#hmacKey(), { ...verifyOptions, algorithms: ['HS256'] });
      if (typeof payload.iat === 'number' && payload.iat * 1000 > Date.now() + clockTolerance * 1000)
        throw unauthorized('The token was issued in the future (iat)');
      const userId = userIdOf(payload);
      const principal = { userId, name: typeof payload.name === 'string' ? payload.name : undefined };
      this.#verified.set(token, { principal, expiresAt: payload.exp! * 1000 });
      return principal;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unauthorized('The bearer token is not valid', error);
    }
  }

  /** The HS256 key, imported once per secret value (re-imported when Key Vault rotates it). */
  async #hmacKey(): Promise<webcrypto.CryptoKey> {
    const secret = this.#options.localSecret?.();
    if (!secret) throw new AppError('config_invalid', 'No local signing secret configured');
    if (this.#localKey?.secret !== secret) {
      this.#verified.clear();
      const key = webcrypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      this.#localKey = { secret, key };
    }
    return this.#localKey.key;
  }
}

/**
 * A user id safe to put in table keys, blob names and cache keys: ASCII letters, digits and `@._:|+-`,
 * starting with a letter or digit (so never `.` or `..`), at most 128 characters. Entra object ids
 * (GUIDs) and the usual IdP subject formats (`auth0|…`, e-mail-like) fit; anything else is a 401.
 */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9@._:|+-]{0,127}$/;

/** The Entra `oid` claim when present (stable per user across apps), else `sub` — each only as a string. */
function userIdOf(payload: JWTPayload): string {
  const userId = payload.oid !== undefined ? payload.oid : payload.sub;
  if (typeof userId !== 'string' || !USER_ID_PATTERN.test(userId))
    throw unauthorized('The token has no usable subject (oid/sub must be a short ASCII id)');
  return userId;
}

function unauthorized(detail: string, cause?: unknown): AppError {
  // The jose error says why (expired, bad signature, wrong audience); it is safe and useful to a client.
  const reason =
    cause instanceof Error && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
  return new AppError('unauthorized', 'Unauthorized', { detail: detail + reason, cause });
}

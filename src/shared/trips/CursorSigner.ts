import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 bits of HMAC-SHA256: plenty against forgery, short enough to keep cursors URL-friendly. */
const MAC_BYTES = 16;

/**
 * Signs list cursors so that a client can only hand back a cursor this API issued, for the same
 * list (`scope`, e.g. the owner): a crafted, altered or borrowed cursor fails verification (→ 400)
 * before any part of it reaches storage. The key comes from a setting (Key Vault) and is read per
 * call, so it can rotate; without one, a random key per process — fine on one instance, but cursors
 * then do not survive a restart or a hop to another instance.
 */
export class CursorSigner {
  readonly #key: () => string | undefined;
  readonly #fallback = randomBytes(32);

  constructor(key: () => string | undefined = () => undefined) {
    this.#key = key;
  }

  /** `payload` and its MAC for `scope`, as one URL-safe string. */
  sign(payload: string, scope: string): string {
    const body = Buffer.from(payload, 'utf8').toString('base64url');
    return `${body}.${this.#mac(body, scope).toString('base64url')}`;
  }

  /** The payload of a cursor signed for `scope`, or undefined when it was not. */
  verify(cursor: string, scope: string): string | undefined {
    const match = /^([A-Za-z0-9_-]{1,1024})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
    if (!match) return undefined;
    const [, body, mac] = match;
    // Compared as text: base64url's last character has spare bits, so decoding would accept variants.
    const given = Buffer.from(mac!, 'utf8');
    const expected = Buffer.from(this.#mac(body!, scope).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Buffer.from(body!, 'base64url').toString('utf8');
  }

  #mac(body: string, scope: string): Buffer {
    // The scope is length-prefixed so that no (scope, body) pair can be re-split into another.
    return createHmac('sha256', this.#key() ?? this.#fallback)
      .update(`${scope.length}:${scope}:${body}`)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

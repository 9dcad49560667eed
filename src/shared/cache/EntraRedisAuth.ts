import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';

import type { Logger } from '../telemetry/Logger.js';

/** The Entra ID scope of Azure Managed Redis (and Azure Cache for Redis) data access. */
export const REDIS_ENTRA_SCOPE = 'https://redis.azure.com/.default';

/** Refresh this long before the token expires, so a live connection is never left with a dead token. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** After a failed refresh, try again this soon (but never after the old token has expired). */
const RETRY_MS = 30_000;

/**
 * Milliseconds until the next refresh of `token`: at the credential's own `refreshAfterTimestamp` when it
 * gives one, else `REFRESH_MARGIN_MS` before expiry; never sooner than 1 s, so a short-lived token cannot
 * make it spin.
 */
export function refreshDelayMs(
  token: Pick<AccessToken, 'expiresOnTimestamp' | 'refreshAfterTimestamp'>,
  now: number,
): number {
  const beforeExpiry = token.expiresOnTimestamp - REFRESH_MARGIN_MS;
  const due = token.refreshAfterTimestamp
    ? Math.min(token.refreshAfterTimestamp, beforeExpiry)
    : beforeExpiry;
  return Math.max(1_000, due - now);
}

/**
 * Signs an ioredis connection in with Entra ID: the user name is the identity's object id (`oid` of the
 * token) and the password the access token. Each refresh writes both into the connection's options, which
 * ioredis reads on every (re)connect, and re-sends AUTH on the live connection before the old token expires.
 * ioredis has no credential-provider hook (node-redis has @redis/entraid, but the app is built on ioredis),
 * hence this small class.
 *
 * Connections made with `redis.duplicate()` (job-event subscribers) copy the credentials of the moment; they
 * live at most one SSE stream (230 s), well inside the refresh margin.
 */
export class EntraRedisAuth {
  readonly #redis: Redis;
  readonly #credential: TokenCredential;
  readonly #logger?: Logger;
  #timer?: NodeJS.Timeout;
  #expiresOn = 0;
  #stopped = false;

  constructor(redis: Redis, credential: TokenCredential, logger?: Logger) {
    this.#redis = redis;
    this.#credential = credential;
    this.#logger = logger;
  }

  /** Gets a token, applies it (options + AUTH on a live connection) and schedules the next refresh. */
  async refresh(): Promise<void> {
    if (this.#stopped) return;
    try {
      const token = await this.#credential.getToken(REDIS_ENTRA_SCOPE);
      if (!token) throw new Error('the credential returned no token');
      const username = objectIdOf(token.token);
      this.#redis.options.username = username;
      this.#redis.options.password = token.token;
      this.#expiresOn = token.expiresOnTimestamp;
      if (this.#redis.status === 'ready') await this.#redis.auth(username, token.token);
      this.#schedule(refreshDelayMs(token, Date.now()));
    } catch (error) {
      // Never the token itself: only what failed.
      this.#logger?.warn('redis token refresh failed', { error: (error as Error).message });
      const left = this.#expiresOn - Date.now();
      this.#schedule(left > 0 ? Math.max(1_000, Math.min(RETRY_MS, left)) : RETRY_MS);
    }
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.refresh(), delayMs);
    this.#timer.unref();
  }
}

/** The `oid` claim of an Entra ID access token: the Redis user name of that identity. */
function objectIdOf(token: string): string {
  const { oid } = decodeJwt(token);
  if (typeof oid !== 'string' || oid === '') throw new Error('the Redis access token has no oid claim');
  return oid;
}

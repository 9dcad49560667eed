import { createHash } from 'node:crypto';

import type { Redis } from 'ioredis';

import type { Logger } from '../telemetry/Logger.js';
import { MemoryUserCallLimiter, type UserCallLimiter, type WindowCount } from './UserCallLimiter.js';

/**
 * INCRBY and the window's expiry in one step: the first call of a window starts its clock, and a key
 * can never be left without an expiry (which would block the user for good).
 */
const ADD_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;

/**
 * Per-user upstream-call windows in Redis, so the allowance holds across every instance of the app.
 * When Redis refuses, the instance counts on its own instead (liveness over strictness: a Redis blip
 * must not turn every search into a 429, and one instance still cannot be used to run up costs).
 */
export class RedisUserCallLimiter implements UserCallLimiter {
  readonly #redis: Redis;
  readonly #windowMs: number;
  readonly #fallback: MemoryUserCallLimiter;
  readonly #logger?: Logger;

  constructor(redis: Redis, options: Readonly<{ windowMs?: number; logger?: Logger }> = {}) {
    this.#redis = redis;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#fallback = new MemoryUserCallLimiter(this.#windowMs);
    this.#logger = options.logger;
  }

  async add(userId: string, calls: number): Promise<WindowCount> {
    try {
      const [count, ttl] = (await this.#redis.eval(ADD_SCRIPT, 1, keyOf(userId), calls, this.#windowMs)) as [
        number,
        number,
      ];
      return { count: Number(count), resetInMs: Number(ttl) };
    } catch (error) {
      this.#logger?.warn('upstream call limiter: redis unavailable, counting locally', {
        error: (error as Error).message,
      });
      return this.#fallback.add(userId, calls);
    }
  }
}

/** The user id is hashed: ids may hold `:` and other characters, and the key must not reveal them. */
function keyOf(userId: string): string {
  return `limits:upstream-calls:${createHash('sha256').update(userId).digest('base64url').slice(0, 22)}`;
}

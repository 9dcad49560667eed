import { inject, it } from 'vitest';

/**
 * `it` for tests that need the real redis-server started by the global setup. Without the binary the
 * global setup already failed under CI=true; elsewhere these tests are skipped, loudly.
 */
export function redisUrl(): string | undefined {
  return inject('redisUrl');
}

export const itWithRedis = redisUrl() ? it : it.skip;

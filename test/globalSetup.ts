import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

import { type AzuriteProcess, startAzurite } from '../src/local/services/azuriteProcess.js';
import { findRedisServer, type RedisProcess, startRedis } from '../src/local/services/redisProcess.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
    redisUrl: string | undefined;
  }
}

/**
 * Real backing services for the whole run: one in-memory Azurite and, when Debian's redis-server is
 * installed, one redis-server. Under CI=true a missing redis-server fails the run; elsewhere the Redis
 * tests skip loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite: AzuriteProcess = await startAzurite();
  let redis: RedisProcess | undefined;
  const binary = findRedisServer();
  if (binary) {
    redis = await startRedis(binary);
  } else if (process.env.CI === 'true') {
    throw new Error('redis-server is not installed, and CI=true requires it (apt-get install redis-server)');
  } else {
    console.warn(
      '\n*** redis-server not found: Redis-backed tests will be SKIPPED (apt-get install redis-server) ***\n',
    );
  }
  project.provide('storageConnectionString', azurite.connectionString);
  project.provide('redisUrl', redis?.url);
  return async () => {
    await Promise.all([azurite.stop(), redis?.stop()]);
  };
}

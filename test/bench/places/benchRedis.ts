import { findRedisServer, startRedis } from '../../../src/local/services/redisProcess.js';

/** The L2 the benchmark runs with, and where it came from. */
export interface BenchRedis {
  url?: string;
  /** How the benchmark got it, for the report. */
  description: string;
  /** True for a Redis the benchmark did not start (it may hold keys from earlier runs). */
  shared: boolean;
  stop(): Promise<void>;
}

/**
 * `REDIS_URL` when set; otherwise a throw-away redis-server when the binary is installed (as the
 * tests do); otherwise none, and the benchmark runs on L1 alone and says so.
 */
export async function benchRedis(): Promise<BenchRedis> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    return {
      url: fromEnv,
      description: 'REDIS_URL (shared: keys salted per run)',
      shared: true,
      stop: async () => undefined,
    };
  }
  const binary = findRedisServer();
  if (!binary) {
    return {
      description: 'none — redis-server not found and REDIS_URL not set: L1 ONLY (no L2 figures)',
      shared: false,
      stop: async () => undefined,
    };
  }
  const redis = await startRedis(binary);
  return {
    url: redis.url,
    description: `${binary} started on ${redis.url} (allkeys-lru, no persistence)`,
    shared: false,
    stop: () => redis.stop(),
  };
}

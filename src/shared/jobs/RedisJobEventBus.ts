import type { Redis } from 'ioredis';

import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Job } from './Job.js';
import { jobChannels, type JobEventBus } from './JobEventBus.js';

/**
 * Redis pub/sub for job progress: every state goes to `ai:job:status:{id}`, progress steps also to
 * `…:progress:…`, the terminal state to `…:complete:…` or `…:error:…`. The latest state is cached for
 * an hour (DESIGN §5). Publishing never fails a job: Redis trouble is logged and skipped.
 */
export class RedisJobEventBus implements JobEventBus {
  readonly #redis: Redis;
  readonly #logger?: Logger;

  constructor(redis: Redis, logger?: Logger) {
    this.#redis = redis;
    this.#logger = logger;
  }

  async publish(job: Job): Promise<void> {
    const channels = jobChannels(job.jobId);
    const payload = JSON.stringify(job);
    try {
      const pipeline = this.#redis.multi();
      pipeline.set(statusKey(job.jobId), payload, 'EX', CACHE_TTL_SECONDS.jobStatus);
      pipeline.publish(channels.status, payload);
      if (job.status === 'running') pipeline.publish(channels.progress, payload);
      if (job.status === 'completed') pipeline.publish(channels.complete, payload);
      if (job.status === 'failed') pipeline.publish(channels.error, payload);
      await pipeline.exec();
    } catch (error) {
      this.#logger?.warn('job event publish failed', { jobId: job.jobId, error: (error as Error).message });
    }
  }

  async subscribe(jobId: string, listener: (job: Job) => void): Promise<() => Promise<void>> {
    // A subscribed connection cannot run other commands, so each stream gets its own.
    const subscriber = this.#redis.duplicate({ enableOfflineQueue: true });
    const channel = jobChannels(jobId).status;
    subscriber.on('message', (received: string, message: string) => {
      if (received === channel) listener(JSON.parse(message) as Job);
    });
    await subscriber.subscribe(channel);
    return async () => {
      subscriber.disconnect();
    };
  }

  async forget(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length > 0) await this.#redis.del(...jobIds.map(statusKey));
  }

  async cached(jobId: string): Promise<Job | undefined> {
    try {
      const raw = await this.#redis.get(statusKey(jobId));
      return raw ? (JSON.parse(raw) as Job) : undefined;
    } catch {
      return undefined;
    }
  }
}

function statusKey(jobId: string): string {
  return cacheKey('itinerary', 'job', jobId);
}

import type { Redis } from 'ioredis';

import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Job } from './Job.js';
import { jobChannels, type JobEventBus } from './JobEventBus.js';

/**
 * Redis pub/sub for job progress: every state goes to `ai:job:status:{id}`, progress steps also to
 * `…:progress:…`, the terminal state to `…:complete:…` or `…:error:…`. The latest state is cached for
 * an hour (docs/architecture.md#cache). Publishing never fails a job: Redis trouble is logged and skipped.
 */
export class RedisJobEventBus implements JobEventBus {
  readonly #redis: Redis;
  readonly #logger?: Logger;
  #subscriber?: Redis;
  readonly #listeners = new Map<string, Set<(job: Job) => void>>();

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

  /**
   * One subscriber connection per instance, shared by every stream (a subscribed connection cannot run
   * other commands, and a connection per stream exhausted small Redis tiers): channels are subscribed
   * while at least one listener wants them.
   */
  async subscribe(jobId: string, listener: (job: Job) => void): Promise<() => Promise<void>> {
    const channel = jobChannels(jobId).status;
    const subscriber = this.#sharedSubscriber();
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
      await subscriber.subscribe(channel);
    }
    listeners.add(listener);
    return async () => {
      const current = this.#listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.#listeners.delete(channel);
      await subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Streams open on this instance, for the per-user cap and tests. */
  get subscribedChannels(): number {
    return this.#listeners.size;
  }

  #sharedSubscriber(): Redis {
    if (!this.#subscriber) {
      const subscriber = this.#redis.duplicate({ enableOfflineQueue: true });
      subscriber.on('message', (channel: string, message: string) => {
        const listeners = this.#listeners.get(channel);
        if (!listeners) return;
        let job: Job;
        try {
          job = JSON.parse(message) as Job;
        } catch {
          return;
        }
        for (const listener of listeners) listener(job);
      });
      subscriber.on('error', (error: Error) =>
        this.#logger?.warn('job event subscriber error', { error: error.message }),
      );
      this.#subscriber = subscriber;
    }
    return this.#subscriber;
  }

  /** Close the shared subscriber (app shutdown). */
  close(): void {
    this.#subscriber?.disconnect();
    this.#subscriber = undefined;
    this.#listeners.clear();
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

import { createHash, randomUUID } from 'node:crypto';

import { AppError } from '../errors/AppError.js';
import type { JobQueue } from '../queue/JobQueue.js';
import type { Logger } from '../telemetry/Logger.js';
import type { TripStore } from '../trips/TripStore.js';
import type { Job, JobOptions } from './Job.js';
import type { JobEventBus } from './JobEventBus.js';
import type { JobLifecycle } from './JobLifecycle.js';
import type { JobStore } from './JobStore.js';

export interface JobServiceDeps {
  trips: TripStore;
  jobs: JobStore;
  lifecycle: JobLifecycle;
  queue: JobQueue;
  events: JobEventBus;
  logger: Logger;
}

/**
 * Submitting and reading generation jobs. The job is recorded before the message is sent; a message
 * that cannot be sent marks the job failed, so no job sits "queued" with nothing in the queue.
 */
export class JobService {
  readonly #deps: Readonly<JobServiceDeps>;

  constructor(deps: Readonly<JobServiceDeps>) {
    this.#deps = deps;
  }

  async submit(
    ownerId: string,
    tripId: string,
    options: JobOptions,
    idempotencyKey?: string,
  ): Promise<{ job: Job; created: boolean }> {
    await this.#deps.trips.get(ownerId, tripId);
    const jobId = idempotencyKey ? idempotentJobId(ownerId, tripId, idempotencyKey) : randomUUID();
    const now = new Date().toISOString();
    const job: Job = {
      jobId,
      tripId,
      ownerId,
      status: 'queued',
      step: 'queued',
      progress: 0,
      createdAt: now,
      updatedAt: now,
      attempts: 0,
      options,
    };
    const created = await this.#deps.jobs.createIfAbsent(job);
    if (!created) {
      const existing = await this.#deps.jobs.getOwned(ownerId, jobId);
      if (existing.tripId !== tripId) {
        throw new AppError('conflict', 'Idempotency-Key reused', {
          detail: 'This Idempotency-Key was used for another trip',
        });
      }
      return { job: existing, created: false };
    }
    try {
      await this.#deps.queue.send({ jobId, tripId, ownerId, options });
    } catch (error) {
      this.#deps.logger.error('enqueue failed', { jobId, error: (error as Error).message });
      await this.#deps.lifecycle.fail(
        jobId,
        'enqueue_failed',
        'The job could not be queued; submit it again',
      );
      throw new AppError('dependency_unavailable', 'Queue unavailable', {
        detail: 'The job could not be queued; try again shortly',
        retryAfterSeconds: 5,
        cause: error,
      });
    }
    await this.#deps.events.publish(job);
    return { job, created: true };
  }

  async get(ownerId: string, jobId: string): Promise<Job> {
    const cached = await this.#deps.events.cached?.(jobId);
    if (cached && cached.ownerId === ownerId) return cached;
    return this.#deps.jobs.getOwned(ownerId, jobId);
  }

  /** The job as stored, past the status cache: the source of truth an event stream re-reads. */
  async getStored(ownerId: string, jobId: string): Promise<Job> {
    return this.#deps.jobs.getOwned(ownerId, jobId);
  }
}

/** Same owner + trip + key → same job id (so a retried POST finds the first job). */
export function idempotentJobId(ownerId: string, tripId: string, key: string): string {
  const hex = createHash('sha256').update(`${ownerId}\n${tripId}\n${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

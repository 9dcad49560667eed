import type { Job, JobStep } from './Job.js';
import type { JobErrorCode } from './jobErrorCodes.js';
import type { JobEventBus } from './JobEventBus.js';
import type { JobStore } from './JobStore.js';
import { jobTransitions } from './jobTransitions.js';

export interface JobLifecycleOptions {
  /** How long a claim lasts without progress; the worker renews it well within (default 30 s). */
  leaseMs?: number;
  now?: () => number;
}

/** 30 s: a crashed worker's job is claimable again within half a minute, and the sweeper requeues it. */
export const DEFAULT_LEASE_MS = 30_000;

/**
 * The one place job rows change state: every transition (see `jobTransitions`) is applied as a
 * conditional update on the row's ETag, so two workers can never both claim a job, and every applied
 * transition is published to the event bus. The worker, the sweeper and JobService all go through here.
 */
export class JobLifecycle {
  readonly #jobs: JobStore;
  readonly #events: JobEventBus;
  readonly #now: () => number;
  readonly leaseMs: number;

  constructor(jobs: JobStore, events: JobEventBus, options: Readonly<JobLifecycleOptions> = {}) {
    this.#jobs = jobs;
    this.#events = events;
    this.#now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** The claimed job, or undefined when it is terminal or another live worker holds it. */
  async claim(jobId: string, owner: string): Promise<Job | undefined> {
    return this.#apply(jobId, (j) => jobTransitions.claim(j, owner, this.#now(), this.leaseMs));
  }

  /** Report a step and renew the lease; false when the lease was lost (another worker took over). */
  async progress(jobId: string, owner: string, step: JobStep, progress: number): Promise<boolean> {
    const applied = await this.#apply(jobId, (j) =>
      jobTransitions.progress(j, owner, step, progress, this.#now(), this.leaseMs),
    );
    return applied !== undefined;
  }

  async complete(jobId: string, owner: string): Promise<boolean> {
    return (await this.#apply(jobId, (j) => jobTransitions.complete(j, owner))) !== undefined;
  }

  async release(jobId: string, owner: string): Promise<boolean> {
    return (await this.#apply(jobId, (j) => jobTransitions.release(j, owner))) !== undefined;
  }

  /** End a non-terminal job failed; true when this call ended it. */
  async fail(jobId: string, code: JobErrorCode, message: string, owner?: string): Promise<boolean> {
    return (await this.#apply(jobId, (j) => jobTransitions.fail(j, code, message, owner))) !== undefined;
  }

  /** A running job whose lease ran out (its worker died): back to queued. True when this call did it. */
  async reclaimExpired(jobId: string): Promise<Job | undefined> {
    return this.#apply(jobId, (j) =>
      j.status === 'running' && (!j.lease || Date.parse(j.lease.expiresAt) <= this.#now())
        ? { ...j, status: 'queued', step: 'queued', progress: 0, lease: undefined }
        : undefined,
    );
  }

  /** Apply a transition; the new job when it applied, undefined when it did not (or the job is gone). */
  async #apply(jobId: string, transition: (job: Job) => Job | undefined): Promise<Job | undefined> {
    let applied = false;
    const job = await this.#jobs.update(jobId, (current) => {
      const next = transition(current);
      applied = next !== undefined;
      return next;
    });
    if (!applied || !job) return undefined;
    await this.#events.publish(job);
    return job;
  }
}

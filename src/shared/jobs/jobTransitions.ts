import { type Job, type JobStep, TERMINAL } from './Job.js';
import type { JobErrorCode } from './jobErrorCodes.js';

/**
 * The job state machine as pure functions: each takes the stored job and returns the next one, or
 * undefined when the transition does not apply (the caller then leaves the row as it is).
 *
 *   queued ──claim──▶ running ──complete──▶ completed
 *     ▲                 │  │
 *     └───release───────┘  └──fail──▶ failed      (fail also applies to queued)
 *
 * `running` carries a lease (owner + expiry): only the owner may report progress, complete or release,
 * and a running job whose lease expired may be claimed again (its worker died).
 */
export const jobTransitions = {
  /** queued, or running with an expired lease → running, leased to `owner` until `now + leaseMs`. */
  claim(job: Job, owner: string, now: number, leaseMs: number): Job | undefined {
    if (TERMINAL.has(job.status)) return undefined;
    if (job.status === 'running' && job.lease && Date.parse(job.lease.expiresAt) > now) return undefined;
    return {
      ...job,
      status: 'running',
      step: 'gathering_places',
      progress: 5,
      attempts: job.attempts + 1,
      lease: { owner, expiresAt: new Date(now + leaseMs).toISOString() },
      error: undefined,
    };
  },

  /** The owner reports a step; the lease is renewed with it. */
  progress(job: Job, owner: string, step: JobStep, progress: number, now: number, leaseMs: number) {
    if (!ownedBy(job, owner)) return undefined;
    return { ...job, step, progress, lease: { owner, expiresAt: new Date(now + leaseMs).toISOString() } };
  },

  /** The owner stored the itinerary. */
  complete(job: Job, owner: string): Job | undefined {
    if (!ownedBy(job, owner)) return undefined;
    return {
      ...job,
      status: 'completed',
      step: 'completed',
      progress: 100,
      lease: undefined,
      error: undefined,
    };
  },

  /** The owner hit a transient fault: back to queued for the redelivery. */
  release(job: Job, owner: string): Job | undefined {
    if (!ownedBy(job, owner)) return undefined;
    return { ...job, status: 'queued', step: 'queued', progress: 0, lease: undefined };
  },

  /** Any non-terminal job ends failed with a reason (`owner`, when given, must hold the lease). */
  fail(job: Job, code: JobErrorCode, message: string, owner?: string): Job | undefined {
    if (TERMINAL.has(job.status)) return undefined;
    if (owner !== undefined && job.status === 'running' && !ownedBy(job, owner)) return undefined;
    return { ...job, status: 'failed', step: 'failed', lease: undefined, error: { code, message } };
  },
};

function ownedBy(job: Job, owner: string): boolean {
  return job.status === 'running' && job.lease?.owner === owner;
}

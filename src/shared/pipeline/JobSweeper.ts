import type { QueueClient } from '@azure/storage-queue';

import type { JobErrorCode } from '../jobs/jobErrorCodes.js';
import type { JobLifecycle } from '../jobs/JobLifecycle.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { JobQueue } from '../queue/JobQueue.js';
import type { DeadLetterSource } from '../queue/ServiceBusDeadLetters.js';
import type { Logger } from '../telemetry/Logger.js';

export interface JobSweeperDeps {
  jobs: JobStore;
  lifecycle: JobLifecycle;
  /** Where a crashed worker's job is sent again. */
  queue?: Pick<JobQueue, 'send'>;
  logger: Logger;
  /** Storage backend only: the `<queue>-poison` queue, peeked (never consumed, so messages stay for inspection). */
  poisonQueue?: QueueClient;
  /** Service Bus backend only: the dead-letter queue, peeked too (messages stay there for inspection). */
  deadLetters?: DeadLetterSource;
  /** Finishes trip deletes that were interrupted half-way (see TripService.delete); returns how many. */
  finishDeletes?: (now: number) => Promise<number>;
  now?: () => number;
}

/** Queue TTL is 1 h (docs/architecture.md#generation-job-and-queue): a job still queued after that will never be delivered. */
const QUEUED_LIMIT_MS = 65 * 60_000;
/** A job whose worker died this many times is not retried again. */
const MAX_ATTEMPTS = 5;

/**
 * The safety net behind "nothing is lost": jobs whose messages reached the poison queue or expired are
 * ended `failed` with a reason; a job whose worker died hard (its lease ran out) is queued again, or
 * failed `stalled` after too many attempts; interrupted trip deletes are finished.
 */
export class JobSweeper {
  readonly #deps: Readonly<JobSweeperDeps>;

  constructor(deps: Readonly<JobSweeperDeps>) {
    this.#deps = deps;
  }

  async sweep(): Promise<{
    poisoned: number;
    expired: number;
    stalled: number;
    requeued: number;
    deletes: number;
  }> {
    const poisoned = (await this.#sweepPoison()) + (await this.#sweepDeadLetters());
    const now = (this.#deps.now ?? Date.now)();
    const deletes = (await this.#deps.finishDeletes?.(now)) ?? 0;
    let expired = 0;
    let stalled = 0;
    let requeued = 0;
    const { lifecycle } = this.#deps;
    // Queried apart, so a backlog of merely queued jobs cannot hide a running one whose worker died.
    const candidates = [
      ...(await this.#deps.jobs.listStalled(new Date(now - lifecycle.leaseMs).toISOString(), 100, 'running')),
      ...(await this.#deps.jobs.listStalled(new Date(now - QUEUED_LIMIT_MS).toISOString(), 100, 'queued')),
    ];
    for (const job of candidates) {
      const age = now - Date.parse(job.updatedAt);
      if (job.status === 'queued' && age > QUEUED_LIMIT_MS) {
        if (await this.#fail(job.jobId, 'expired', 'The job message expired before a worker picked it up'))
          expired++;
      } else if (job.status === 'running' && (!job.lease || Date.parse(job.lease.expiresAt) <= now)) {
        // Its worker died (no lease renewal): run it again, unless it has died too often.
        if (job.attempts >= MAX_ATTEMPTS) {
          if (await this.#fail(job.jobId, 'stalled', 'The worker stopped repeatedly without finishing'))
            stalled++;
        } else if (await lifecycle.reclaimExpired(job.jobId)) {
          const { jobId, tripId, ownerId, options } = job;
          // A new message id: Service Bus would drop a second message with the job's own id.
          await this.#deps.queue?.send({ jobId, tripId, ownerId, options }, undefined, {
            attempt: job.attempts + 1,
          });
          requeued++;
        }
      }
    }
    if (poisoned + expired + stalled + requeued + deletes > 0)
      this.#deps.logger.warn('job sweeper acted', { poisoned, expired, stalled, requeued, deletes });
    return { poisoned, expired, stalled, requeued, deletes };
  }

  async #sweepPoison(): Promise<number> {
    const queue = this.#deps.poisonQueue;
    if (!queue || !(await queue.exists())) return 0;
    const peeked = await queue.peekMessages({ numberOfMessages: 32 });
    let count = 0;
    for (const message of peeked.peekedMessageItems) {
      const jobId = decodeJobId(message.messageText);
      if (
        jobId &&
        (await this.#fail(
          jobId,
          'dead_lettered',
          'The job message was moved to the poison queue after repeated failures',
        ))
      )
        count++;
    }
    return count;
  }

  async #sweepDeadLetters(): Promise<number> {
    let count = 0;
    for (const { jobId, reason } of (await this.#deps.deadLetters?.peekNew()) ?? []) {
      if (jobId && (await this.#fail(jobId, 'dead_lettered', `The job message was dead-lettered: ${reason}`)))
        count++;
    }
    return count;
  }

  async #fail(jobId: string, code: JobErrorCode, message: string): Promise<boolean> {
    return this.#deps.lifecycle.fail(jobId, code, message);
  }
}

function decodeJobId(text: string): string | undefined {
  for (const candidate of [text, Buffer.from(text, 'base64').toString('utf8')]) {
    try {
      const parsed = JSON.parse(candidate) as { jobId?: unknown };
      if (typeof parsed.jobId === 'string') return parsed.jobId;
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

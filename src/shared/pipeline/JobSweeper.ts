import type { QueueClient } from '@azure/storage-queue';

import { TERMINAL } from '../jobs/Job.js';
import type { JobEventBus } from '../jobs/JobEventBus.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { Logger } from '../telemetry/Logger.js';

export interface JobSweeperDeps {
  jobs: JobStore;
  events: JobEventBus;
  logger: Logger;
  /** Storage backend only: the `<queue>-poison` queue, peeked (never consumed, so messages stay for inspection). */
  poisonQueue?: QueueClient;
  /** Finishes trip deletes that were interrupted half-way (see TripService.delete); returns how many. */
  finishDeletes?: (now: number) => Promise<number>;
  now?: () => number;
}

/** Queue TTL is 1 h (seed 000): a job still queued after that will never be delivered. */
const QUEUED_LIMIT_MS = 65 * 60_000;
/** functionTimeout is 10 min and there are at most 5 deliveries with backoff: 30 min without progress is a stall. */
const RUNNING_LIMIT_MS = 30 * 60_000;

/**
 * The safety net behind "nothing is lost": jobs whose messages reached the poison queue, expired, or
 * whose worker died hard (no chance to record a failure) are ended `failed` with a reason.
 */
export class JobSweeper {
  readonly #deps: Readonly<JobSweeperDeps>;

  constructor(deps: Readonly<JobSweeperDeps>) {
    this.#deps = deps;
  }

  async sweep(): Promise<{ poisoned: number; expired: number; stalled: number; deletes: number }> {
    const poisoned = await this.#sweepPoison();
    const now = (this.#deps.now ?? Date.now)();
    const deletes = (await this.#deps.finishDeletes?.(now)) ?? 0;
    let expired = 0;
    let stalled = 0;
    const candidates = await this.#deps.jobs.listStalled(
      new Date(now - Math.min(QUEUED_LIMIT_MS, RUNNING_LIMIT_MS)).toISOString(),
    );
    for (const job of candidates) {
      const age = now - Date.parse(job.updatedAt);
      if (job.status === 'queued' && age > QUEUED_LIMIT_MS) {
        if (await this.#fail(job.jobId, 'expired', 'The job message expired before a worker picked it up'))
          expired++;
      } else if (job.status === 'running' && age > RUNNING_LIMIT_MS) {
        if (await this.#fail(job.jobId, 'stalled', 'The worker stopped without reporting progress'))
          stalled++;
      }
    }
    if (poisoned + expired + stalled + deletes > 0)
      this.#deps.logger.warn('job sweeper ended jobs', { poisoned, expired, stalled, deletes });
    return { poisoned, expired, stalled, deletes };
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

  async #fail(jobId: string, code: string, message: string): Promise<boolean> {
    let changed = false;
    const job = await this.#deps.jobs.update(jobId, (j) => {
      if (TERMINAL.has(j.status)) return undefined;
      changed = true;
      return { ...j, status: 'failed', step: 'failed', error: { code, message } };
    });
    if (changed && job) await this.#deps.events.publish(job);
    return changed;
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

import type { Job } from './Job.js';

/**
 * Job progress fan-out. With Redis: pub/sub channels (docs/architecture.md#data) plus a 1 h status cache; without
 * Redis, `subscribe` is absent and readers poll the store.
 */
export interface JobEventBus {
  publish(job: Job): Promise<void>;
  /** Calls `listener` with every published state of `jobId` until the returned function is called. */
  subscribe?(jobId: string, listener: (job: Job) => void): Promise<() => Promise<void>>;
  /** The cached status, when there is a cache. */
  cached?(jobId: string): Promise<Job | undefined>;
  /** Drop the cached status of deleted jobs, so GET /api/jobs/{id} answers 404 at once. */
  forget?(jobIds: readonly string[]): Promise<void>;
}

/** No Redis: publishing is a no-op; readers poll the job store. */
export const noJobEvents: JobEventBus = { publish: async () => {} };

/** Seed 004 channel names. */
export function jobChannels(jobId: string) {
  return {
    status: `ai:job:status:${jobId}`,
    progress: `ai:job:progress:${jobId}`,
    complete: `ai:job:complete:${jobId}`,
    error: `ai:job:error:${jobId}`,
  };
}

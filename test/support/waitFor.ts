import type { QueueClient } from '@azure/storage-queue';

import type { LocalApp } from './localApp.js';

/** Poll every 100 ms until `check` answers something other than `undefined` (no fixed sleeps). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The job as GET /api/jobs/{jobId} shows it, once it has ended (completed or failed). */
export async function waitForJob(local: LocalApp, user: string, jobId: string, timeoutMs = 20_000) {
  return waitFor(
    `job ${jobId} to end`,
    async () => {
      const job = (await (await local.call(user, `/api/jobs/${jobId}`)).json()) as {
        status: string;
        error?: { code: string; message?: string };
      };
      return job.status === 'completed' || job.status === 'failed' ? job : undefined;
    },
    timeoutMs,
  );
}

/** Resolves once the queue holds no message, visible or not (every message was consumed and deleted). */
export async function waitForEmptyQueue(queue: QueueClient, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    `queue ${queue.name} to drain`,
    async () => ((await queue.getProperties()).approximateMessagesCount === 0 ? true : undefined),
    timeoutMs,
  );
}

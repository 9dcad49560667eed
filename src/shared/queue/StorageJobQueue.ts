import type { QueueClient } from '@azure/storage-queue';

import type { JobMessage } from '../jobs/Job.js';
import { once } from '../store/once.js';
import type { JobQueue } from './JobQueue.js';

/**
 * Jobs through an Azure Storage queue (Azurite locally). Bodies are base64-encoded JSON because the
 * Functions queue trigger expects base64 by default.
 */
export class StorageJobQueue implements JobQueue {
  readonly kind = 'storage';
  readonly #queue: QueueClient;
  readonly #ensureQueue: () => Promise<void>;

  constructor(queue: QueueClient) {
    this.#queue = queue;
    this.#ensureQueue = once(() => queue.createIfNotExists());
  }

  async send(message: JobMessage, signal?: AbortSignal): Promise<void> {
    await this.#ensureQueue();
    const body = Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
    await this.#queue.sendMessage(body, { abortSignal: signal });
  }

  async close(): Promise<void> {}
}

import type { QueueClient } from '@azure/storage-queue';

import type { JobMessage } from '../jobs/Job.js';
import type { JobQueue } from './JobQueue.js';

/**
 * Jobs through an Azure Storage queue (Azurite locally). Bodies are base64-encoded JSON because the
 * Functions queue trigger expects base64 by default.
 */
export class StorageJobQueue implements JobQueue {
  readonly kind = 'storage';
  readonly #queue: QueueClient;
  #ready?: Promise<unknown>;

  constructor(queue: QueueClient) {
    this.#queue = queue;
  }

  async send(message: JobMessage, signal?: AbortSignal): Promise<void> {
    this.#ready ??= this.#queue.createIfNotExists().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    await this.#ready;
    const body = Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
    await this.#queue.sendMessage(body, { abortSignal: signal });
  }

  async close(): Promise<void> {}
}

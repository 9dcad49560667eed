import type { QueueClient } from '@azure/storage-queue';

import type { JobMessage } from '../jobs/Job.js';
import { once } from '../store/once.js';
import { traceCarrier } from '../telemetry/jobTrace.js';
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
    // traceparent in the envelope (storage messages have no properties); the worker's schema drops it.
    const envelope = { ...message, ...traceCarrier() };
    const body = Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64');
    await this.#queue.sendMessage(body, { abortSignal: signal });
  }

  async close(): Promise<void> {}
}

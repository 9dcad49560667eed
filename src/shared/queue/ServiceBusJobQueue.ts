import type { ServiceBusSender } from '@azure/service-bus';

import type { JobMessage } from '../jobs/Job.js';
import { traceCarrier } from '../telemetry/jobTrace.js';
import type { JobQueue, JobSendOptions } from './JobQueue.js';

/**
 * The message id duplicate detection keys on: the job id for the first send, so a retried enqueue is
 * dropped; `${jobId}:${attempt}` for a requeue, which the queue would otherwise drop as a duplicate of
 * the first send for as long as its detection window (10 minutes by default) lasts — a lost job.
 */
export function jobMessageId(jobId: string, attempt?: number): string {
  return attempt === undefined ? jobId : `${jobId}:${attempt}`;
}

/** The slice of the SDK sender we use, so tests can pass a fake with the same shape. */
export type JobSender = Pick<ServiceBusSender, 'sendMessages' | 'close'>;

/**
 * Jobs through Service Bus queue `ai-itinerary-generation`. `messageId` = job id, so the queue's
 * duplicate detection drops a second send of the same job (docs/architecture.md#generation-job-and-queue: duplicate detection on).
 */
export class ServiceBusJobQueue implements JobQueue {
  readonly kind = 'servicebus';
  readonly #sender: JobSender;

  constructor(sender: JobSender) {
    this.#sender = sender;
  }

  async send(message: JobMessage, signal?: AbortSignal, options: JobSendOptions = {}): Promise<void> {
    await this.#sender.sendMessages(
      {
        body: message,
        messageId: jobMessageId(message.jobId, options.attempt),
        contentType: 'application/json',
        subject: 'itinerary-job',
        // traceparent: the worker continues the trace of the request that queued the job.
        applicationProperties: { tripId: message.tripId, ...traceCarrier() },
      },
      { abortSignal: signal },
    );
  }

  async close(): Promise<void> {
    await this.#sender.close();
  }
}

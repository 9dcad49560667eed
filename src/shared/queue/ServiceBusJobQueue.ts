import type { ServiceBusSender } from '@azure/service-bus';

import type { JobMessage } from '../jobs/Job.js';
import { traceCarrier } from '../telemetry/jobTrace.js';
import type { JobQueue } from './JobQueue.js';

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

  async send(message: JobMessage, signal?: AbortSignal): Promise<void> {
    await this.#sender.sendMessages(
      {
        body: message,
        messageId: message.jobId,
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

import type { JobMessage } from '../jobs/Job.js';

export interface JobSendOptions {
  /** Set when the job is sent again after a delivery was lost: the attempt it will be. */
  attempt?: number;
}

/** Where generation jobs are sent: Service Bus in Azure, an Azure Storage queue locally. */
export interface JobQueue {
  readonly kind: 'servicebus' | 'storage';
  /**
   * Send one message. Service Bus `messageId` = job id, so duplicate detection drops a second send of
   * the same job; a redelivery (`options.attempt`, the sweeper's requeue of a crashed worker's job) is
   * `${jobId}:${attempt}`, so it is not dropped as a duplicate of the first send. Throws on failure.
   */
  send(message: JobMessage, signal?: AbortSignal, options?: JobSendOptions): Promise<void>;
  close(): Promise<void>;
}

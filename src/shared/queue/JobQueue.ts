import type { JobMessage } from '../jobs/Job.js';

/** Where generation jobs are sent: Service Bus in Azure, an Azure Storage queue locally. */
export interface JobQueue {
  readonly kind: 'servicebus' | 'storage';
  /** Send one message; `messageId` = job id (Service Bus duplicate detection). Throws on failure. */
  send(message: JobMessage, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

import type { ServiceBusReceiver } from '@azure/service-bus';

/** A dead-lettered job message as the sweeper needs it: which job, and why Service Bus gave up on it. */
export interface DeadLetteredJob {
  jobId?: string;
  reason: string;
}

/** Reads dead-lettered job messages without taking them off the dead-letter queue. */
export interface DeadLetterSource {
  /** Messages dead-lettered since the last call (all of them on the first call). Never removes any. */
  peekNew(): Promise<DeadLetteredJob[]>;
  close(): Promise<void>;
}

/** The slice of the SDK receiver used: peeking only. Settling calls (complete, abandon) are not reachable. */
export type DeadLetterPeeker = Pick<ServiceBusReceiver, 'peekMessages' | 'close'>;

const BATCH = 32;
/** Bounds one sweep's work; the next sweep continues where this one stopped. */
const MAX_BATCHES = 10;

/**
 * The Service Bus dead-letter queue of the itinerary queue, peeked, so that dead-lettered messages stay there
 * for inspection (and for resubmission) while their jobs end `failed` with Service Bus's reason. A trigger
 * on `$DeadLetterQueue` would complete (delete) every message it handled, hence no such trigger exists.
 * The receiver (created with `subQueueType: 'deadLetter'`) remembers the last peeked sequence number, so
 * each sweep reads only what arrived since; after a restart it reads from the start again, which is
 * harmless because failing an already-failed job changes nothing.
 */
export class ServiceBusDeadLetters implements DeadLetterSource {
  readonly #receiver: DeadLetterPeeker;

  constructor(receiver: DeadLetterPeeker) {
    this.#receiver = receiver;
  }

  async peekNew(): Promise<DeadLetteredJob[]> {
    const found: DeadLetteredJob[] = [];
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const messages = await this.#receiver.peekMessages(BATCH);
      for (const message of messages) {
        const body = message.body as { jobId?: unknown } | undefined;
        const reason = [message.deadLetterReason, message.deadLetterErrorDescription]
          .filter(Boolean)
          .join(': ');
        found.push({
          jobId: typeof body?.jobId === 'string' ? body.jobId : undefined,
          reason: reason || 'dead-lettered',
        });
      }
      if (messages.length < BATCH) break;
    }
    return found;
  }

  async close(): Promise<void> {
    await this.#receiver.close();
  }
}

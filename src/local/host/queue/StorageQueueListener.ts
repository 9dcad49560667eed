import type { TriggerMetadata } from '@azure/functions';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';

import type { FunctionDefinition } from '../FunctionDefinition.js';
import type { HostLogger } from '../HostLogger.js';
import type { HostSettings } from '../HostSettings.js';
import type { FunctionInvoker } from '../invocation/FunctionInvoker.js';
import { InFlightTracker } from '../invocation/InFlightTracker.js';
import { decodeQueueMessage } from './decodeQueueMessage.js';
import { toQueueTriggerMetadata } from './toQueueTriggerMetadata.js';

export interface StorageQueueListenerOptions {
  readonly definition: FunctionDefinition;
  readonly queue: QueueClient;
  /** `<queue>-poison`, created on first use. */
  readonly poisonQueue: QueueClient;
  readonly invoker: FunctionInvoker;
  readonly logger: HostLogger;
  readonly settings: HostSettings['queues'];
  /** First back-off step after an empty poll; doubles up to `settings.maxPollingIntervalMs`. */
  readonly minPollingIntervalMs?: number;
  /** `context.triggerMetadata` for a message; the Queues extension's fields by default. */
  readonly toTriggerMetadata?: (message: DequeuedMessageItem, decodedText: string) => TriggerMetadata;
}

/**
 * How long a message stays hidden while its invocation runs; the host uses 10 minutes (and renews,
 * which this host does not: functions here finish well within it).
 */
const PROCESSING_VISIBILITY_SECONDS = 600;

/**
 * Feeds one queue-triggered function from an Azure Storage queue with the Queues extension's
 * semantics: batches of `batchSize`, a new batch when in-flight work drops to `newBatchThreshold`,
 * exponential back-off on empty polls, delete on success, release with host.json `visibilityTimeout`
 * on failure, and `<queue>-poison` once `dequeueCount` reaches `maxDequeueCount`.
 */
export class StorageQueueListener {
  readonly #options: StorageQueueListenerOptions;
  readonly #inFlight = new InFlightTracker();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(options: Readonly<StorageQueueListenerOptions>) {
    this.#options = options;
  }

  get queueName(): string {
    return this.#options.queue.name;
  }

  /** Create the queue if it is missing, then start polling. */
  async start(): Promise<void> {
    await this.#options.queue.createIfNotExists();
    this.#loop = this.#poll();
  }

  /** Stop polling and wait for the messages already taken to be settled. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
    await this.#inFlight.drain();
  }

  async #poll(): Promise<void> {
    const { queue, settings, logger } = this.#options;
    const minDelay = this.#options.minPollingIntervalMs ?? 100;
    let delay = minDelay;
    while (!this.#stopping) {
      if (this.#inFlight.size > settings.newBatchThreshold) {
        await this.#sleep(minDelay);
        continue;
      }
      let messages: DequeuedMessageItem[] = [];
      try {
        const response = await queue.receiveMessages({
          numberOfMessages: settings.batchSize,
          visibilityTimeout: PROCESSING_VISIBILITY_SECONDS,
        });
        messages = response.receivedMessageItems;
      } catch (error) {
        logger.warn(`Polling queue '${queue.name}' failed: ${(error as Error).message}`);
      }
      if (messages.length === 0) {
        await this.#sleep(delay);
        delay = Math.min(delay * 2, Math.max(settings.maxPollingIntervalMs, minDelay));
        continue;
      }
      delay = minDelay;
      // Messages already taken are processed even if a stop began meanwhile: releasing them would
      // cost a dequeue count, and stop() waits for them anyway.
      for (const message of messages) void this.#inFlight.track(this.#process(message));
    }
  }

  async #process(message: DequeuedMessageItem): Promise<void> {
    const { definition, queue, invoker, logger, settings } = this.#options;
    try {
      if (message.dequeueCount > settings.maxDequeueCount) {
        await this.#moveToPoison(
          message,
          `its dequeue count ${message.dequeueCount} is over maxDequeueCount`,
        );
        return;
      }
      const decoded = decodeQueueMessage(message.messageText, settings.messageEncoding);
      if (!decoded.ok) {
        await this.#moveToPoison(message, decoded.reason);
        return;
      }
      const outcome = await invoker.invoke(definition, {
        input: decoded.body,
        triggerMetadata: (this.#options.toTriggerMetadata ?? toQueueTriggerMetadata)(message, decoded.text),
        describe: () =>
          `queue '${queue.name}' message ${message.messageId} (dequeueCount ${message.dequeueCount})`,
      });
      if (outcome.ok) {
        await queue.deleteMessage(message.messageId, message.popReceipt);
      } else if (message.dequeueCount >= settings.maxDequeueCount) {
        await this.#moveToPoison(
          message,
          `it failed ${message.dequeueCount} time(s) (maxDequeueCount ${settings.maxDequeueCount})`,
        );
      } else {
        await queue.updateMessage(
          message.messageId,
          message.popReceipt,
          undefined,
          Math.round(settings.visibilityTimeoutMs / 1000),
        );
      }
    } catch (error) {
      // Settling failed (e.g. the pop receipt expired): the message reappears after its visibility timeout.
      logger.warn(
        `Could not settle message ${message.messageId} on '${queue.name}': ${(error as Error).message}`,
      );
    }
  }

  async #moveToPoison(message: DequeuedMessageItem, reason: string): Promise<void> {
    const { queue, poisonQueue, logger } = this.#options;
    await poisonQueue.createIfNotExists();
    // The original (still encoded) text, so the poison message can be replayed as it was.
    await poisonQueue.sendMessage(message.messageText);
    await queue.deleteMessage(message.messageId, message.popReceipt);
    logger.warn(`Message ${message.messageId} moved to queue '${poisonQueue.name}': ${reason}.`);
  }

  async #sleep(ms: number): Promise<void> {
    if (this.#stopping) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
    this.#wake = undefined;
  }
}

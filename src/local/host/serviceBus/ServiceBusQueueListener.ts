import type { FunctionDefinition } from '../FunctionDefinition.js';
import type { HostLogger } from '../HostLogger.js';
import type { FunctionInvoker } from '../invocation/FunctionInvoker.js';
import { InFlightTracker } from '../invocation/InFlightTracker.js';
import type { ServiceBusDelivery, ServiceBusReceiverPort } from './ServiceBusReceiverPort.js';
import { toServiceBusBody, toServiceBusTriggerMetadata } from './toServiceBusTriggerInput.js';

export interface ServiceBusQueueListenerOptions {
  readonly definition: FunctionDefinition;
  readonly queueName: string;
  readonly receiver: ServiceBusReceiverPort;
  readonly invoker: FunctionInvoker;
  readonly logger: HostLogger;
  /** host.json `autoCompleteMessages` (or the trigger's own): settle after the invocation. */
  readonly autoCompleteMessages: boolean;
  readonly maxConcurrentCalls: number;
}

/**
 * Feeds a Service Bus-triggered function from a peek-lock receiver, as the extension does: complete
 * on success, abandon on a thrown error (the queue's `maxDeliveryCount` then dead-letters it).
 * With auto-complete off the message is left for the lock to expire, since a Node function cannot settle it.
 */
export class ServiceBusQueueListener {
  readonly #options: ServiceBusQueueListenerOptions;
  readonly #inFlight = new InFlightTracker();
  #subscription: { close(): Promise<void> } | undefined;

  constructor(options: Readonly<ServiceBusQueueListenerOptions>) {
    this.#options = options;
  }

  get queueName(): string {
    return this.#options.queueName;
  }

  start(): void {
    const { receiver, maxConcurrentCalls, logger, queueName } = this.#options;
    this.#subscription = receiver.subscribe(
      {
        processMessage: (message) => this.#inFlight.track(this.#process(message)),
        processError: async ({ error, errorSource }) => {
          logger.warn(
            `Service Bus receiver on '${queueName}' (${errorSource ?? 'receive'}): ${error.message}`,
          );
        },
      },
      // The host settles messages itself after the invocation, never the SDK.
      { autoCompleteMessages: false, maxConcurrentCalls },
    );
  }

  /** Stop receiving, wait for the messages in progress to be settled, then close the receiver. */
  async stop(): Promise<void> {
    await this.#subscription?.close();
    await this.#inFlight.drain();
    await this.#options.receiver.close();
  }

  async #process(message: ServiceBusDelivery): Promise<void> {
    const { definition, receiver, invoker, logger, autoCompleteMessages, queueName } = this.#options;
    const metadata = toServiceBusTriggerMetadata(message);
    const outcome = await invoker.invoke(definition, {
      input: toServiceBusBody(message.body),
      triggerMetadata: metadata,
      describe: () =>
        `service bus '${queueName}' message ${String(metadata.messageId)} (deliveryCount ${String(message.deliveryCount)})`,
    });
    if (!autoCompleteMessages) return;
    try {
      if (outcome.ok) await receiver.completeMessage(message);
      else await receiver.abandonMessage(message);
    } catch (error) {
      // A lost lock: Service Bus redelivers the message, which is what a failed settle means there too.
      logger.warn(
        `Could not settle message ${String(metadata.messageId)} on '${queueName}': ${(error as Error).message}`,
      );
    }
  }
}

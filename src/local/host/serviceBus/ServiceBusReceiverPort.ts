/**
 * The part of `@azure/service-bus` the host uses, so the listener can be tested with an in-memory
 * receiver. The SDK's `ServiceBusReceiver` and `ServiceBusReceivedMessage` satisfy these shapes.
 */

/** A received message: the fields the host reads from `ServiceBusReceivedMessage`. */
export interface ServiceBusDelivery {
  readonly body: unknown;
  readonly messageId?: string | number | Buffer;
  readonly deliveryCount?: number;
  readonly enqueuedTimeUtc?: Date;
  readonly expiresAtUtc?: Date;
  readonly lockedUntilUtc?: Date;
  readonly sequenceNumber?: { toString(): string } | number;
  readonly contentType?: string;
  readonly correlationId?: string | number | Buffer;
  readonly subject?: string;
  readonly to?: string;
  readonly replyTo?: string;
  readonly sessionId?: string;
  readonly lockToken?: string;
  readonly timeToLive?: number;
  readonly applicationProperties?: Readonly<Record<string, number | boolean | string | Date | null>>;
}

export interface ServiceBusMessageHandlers {
  processMessage(message: ServiceBusDelivery): Promise<void>;
  processError(args: { error: Error; errorSource?: string; entityPath?: string }): Promise<void>;
}

export interface ServiceBusReceiverPort {
  subscribe(
    handlers: ServiceBusMessageHandlers,
    options: { autoCompleteMessages: boolean; maxConcurrentCalls: number },
  ): { close(): Promise<void> };
  completeMessage(message: ServiceBusDelivery): Promise<void>;
  abandonMessage(message: ServiceBusDelivery): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a peek-lock receiver on `queueName` for the binding's `connection` setting, or returns
 * undefined when that connection is not configured (the host then feeds the function from Azurite).
 */
export type ServiceBusReceiverFactory = (
  connection: string,
  queueName: string,
) => ServiceBusReceiverPort | undefined;

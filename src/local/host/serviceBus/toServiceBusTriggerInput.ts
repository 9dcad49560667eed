import type { TriggerMetadata } from '@azure/functions';

import { parseJsonContainer } from '../parseJsonContainer.js';
import type { ServiceBusDelivery } from './ServiceBusReceiverPort.js';

function textOf(value: string | number | Buffer | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** The handler's first argument for a Service Bus message: bytes and strings decoded, objects as sent. */
export function toServiceBusBody(body: unknown): unknown {
  if (Buffer.isBuffer(body) || body instanceof Uint8Array)
    return parseJsonContainer(Buffer.from(body).toString('utf8'));
  if (typeof body === 'string') return parseJsonContainer(body);
  return body;
}

/**
 * `context.triggerMetadata` for a Service Bus invocation: the extension's binding data with the
 * worker's camelCase keys (times as ISO strings; `userProperties` is the older name the host still sends).
 */
export function toServiceBusTriggerMetadata(message: ServiceBusDelivery): TriggerMetadata {
  const metadata: TriggerMetadata = {
    messageId: textOf(message.messageId),
    deliveryCount: message.deliveryCount,
    enqueuedTimeUtc: message.enqueuedTimeUtc?.toISOString(),
    expiresAtUtc: message.expiresAtUtc?.toISOString(),
    lockedUntilUtc: message.lockedUntilUtc?.toISOString(),
    sequenceNumber:
      message.sequenceNumber === undefined ? undefined : Number(message.sequenceNumber.toString()),
    contentType: message.contentType,
    correlationId: textOf(message.correlationId),
    subject: message.subject,
    label: message.subject,
    to: message.to,
    replyTo: message.replyTo,
    sessionId: message.sessionId,
    lockToken: message.lockToken,
    applicationProperties: message.applicationProperties ?? {},
    userProperties: message.applicationProperties ?? {},
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
}

import type { TriggerMetadata } from '@azure/functions';
import type { DequeuedMessageItem } from '@azure/storage-queue';

/**
 * `context.triggerMetadata` for a Storage-queue invocation: the Queues extension's binding data
 * (`Id`, `DequeueCount`, `InsertionTime`, ...) with the camelCase keys the worker gives them.
 */
export function toQueueTriggerMetadata(message: DequeuedMessageItem, decodedText: string): TriggerMetadata {
  return {
    id: message.messageId,
    queueTrigger: decodedText,
    dequeueCount: message.dequeueCount,
    insertionTime: message.insertedOn.toISOString(),
    expirationTime: message.expiresOn.toISOString(),
    nextVisibleTime: message.nextVisibleOn.toISOString(),
    popReceipt: message.popReceipt,
  };
}

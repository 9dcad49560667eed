import type { TriggerMetadata } from '@azure/functions';
import type { DequeuedMessageItem } from '@azure/storage-queue';

import { type FunctionDefinition, triggerOption } from './FunctionDefinition.js';
import type { HostLogger } from './HostLogger.js';
import type { HostSettings } from './HostSettings.js';
import type { FunctionInvoker } from './invocation/FunctionInvoker.js';
import { DEFAULT_STORAGE_CONNECTION, queueServiceClientFor } from './queue/queueServiceClientFor.js';
import { StorageQueueListener } from './queue/StorageQueueListener.js';
import { toQueueTriggerMetadata } from './queue/toQueueTriggerMetadata.js';
import { type AppSettings, resolveAppSettingExpressions } from './resolveAppSetting.js';
import { DEFAULT_SERVICE_BUS_CONNECTION } from './serviceBus/sdkServiceBusReceiverFactory.js';
import { ServiceBusQueueListener } from './serviceBus/ServiceBusQueueListener.js';
import type { ServiceBusReceiverFactory } from './serviceBus/ServiceBusReceiverPort.js';

/** A started-or-startable listener feeding one queue-triggered function. */
export interface QueueListener {
  readonly functionName: string;
  readonly queueName: string;
  readonly connection: string;
  readonly transport: 'storageQueue' | 'serviceBus';
  start(): Promise<void> | void;
  stop(): Promise<void>;
}

export interface QueueListenerOptions {
  readonly definitions: readonly FunctionDefinition[];
  readonly invoker: FunctionInvoker;
  readonly logger: HostLogger;
  readonly hostSettings: HostSettings;
  readonly settings: AppSettings;
  readonly serviceBus: ServiceBusReceiverFactory;
  readonly minPollingIntervalMs?: number;
}

/**
 * The metadata a Service Bus function reads, for a message that came from the Storage-queue
 * stand-in: Service Bus names beside the queue ones, so the function body reads the same fields
 * whichever transport fed it.
 */
function serviceBusStyleMetadata(message: DequeuedMessageItem, text: string): TriggerMetadata {
  return {
    ...toQueueTriggerMetadata(message, text),
    messageId: message.messageId,
    deliveryCount: message.dequeueCount,
    enqueuedTimeUtc: message.insertedOn.toISOString(),
    expiresAtUtc: message.expiresOn.toISOString(),
  };
}

/**
 * One listener per queue-triggered function. Storage-queue triggers poll their queue; Service Bus
 * triggers use the namespace when their connection is configured, and otherwise (docs/adr/0004-local-host-and-queue.md: no
 * Service Bus emulator here) a Storage queue of the same name in `AzureWebJobsStorage`, with the
 * same poison-queue semantics standing in for the dead-letter queue.
 */
export function queueListenersFor(options: Readonly<QueueListenerOptions>): QueueListener[] {
  const { definitions, invoker, logger, hostSettings, settings } = options;
  const listeners: QueueListener[] = [];
  for (const definition of definitions) {
    if (definition.kind !== 'storageQueue' && definition.kind !== 'serviceBus') continue;
    const where = `Function "${definition.name}"`;
    const rawQueue = triggerOption(definition, 'queueName');
    if (!rawQueue) throw new Error(`${where}: the trigger has no queueName`);
    const queueName = resolveAppSettingExpressions(rawQueue, settings, where);

    if (definition.kind === 'serviceBus') {
      const connection = triggerOption(definition, 'connection') || DEFAULT_SERVICE_BUS_CONNECTION;
      const receiver = options.serviceBus(connection, queueName);
      if (receiver) {
        const ownAutoComplete = definition.trigger.autoCompleteMessages;
        const listener = new ServiceBusQueueListener({
          definition,
          queueName,
          receiver,
          invoker,
          logger,
          autoCompleteMessages:
            typeof ownAutoComplete === 'boolean'
              ? ownAutoComplete
              : hostSettings.serviceBus.autoCompleteMessages,
          maxConcurrentCalls: hostSettings.serviceBus.maxConcurrentCalls,
        });
        listeners.push({
          functionName: definition.name,
          queueName,
          connection,
          transport: 'serviceBus',
          start: () => listener.start(),
          stop: () => listener.stop(),
        });
        continue;
      }
      logger.info(
        `${where}: Service Bus connection "${connection}" is not configured; feeding it from the Storage queue "${queueName}" in ${DEFAULT_STORAGE_CONNECTION}.`,
      );
    }

    const connection =
      definition.kind === 'storageQueue'
        ? triggerOption(definition, 'connection') || DEFAULT_STORAGE_CONNECTION
        : DEFAULT_STORAGE_CONNECTION;
    const service = queueServiceClientFor(connection, settings);
    const listener = new StorageQueueListener({
      definition,
      queue: service.getQueueClient(queueName),
      poisonQueue: service.getQueueClient(`${queueName}-poison`),
      invoker,
      logger,
      settings: hostSettings.queues,
      minPollingIntervalMs: options.minPollingIntervalMs,
      ...(definition.kind === 'serviceBus' ? { toTriggerMetadata: serviceBusStyleMetadata } : {}),
    });
    listeners.push({
      functionName: definition.name,
      queueName,
      connection,
      transport: 'storageQueue',
      start: () => listener.start(),
      stop: () => listener.stop(),
    });
  }
  return listeners;
}

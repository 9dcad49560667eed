import type { TokenCredential } from '@azure/identity';
import { ServiceBusClient } from '@azure/service-bus';

import type { AppConfig } from '../config/AppConfig.js';
import type { JobQueue } from '../queue/JobQueue.js';
import { ServiceBusDeadLetters } from '../queue/ServiceBusDeadLetters.js';
import { ServiceBusJobQueue } from '../queue/ServiceBusJobQueue.js';
import { StorageJobQueue } from '../queue/StorageJobQueue.js';
import type { StorageClients } from '../store/storageClients.js';

/** The job queue the app sends to, with the Service Bus client and dead-letter reader when that is the backend. */
export interface JobQueues {
  /** One AMQP connection per process, shared by the sender, the dead-letter reader and the health check. */
  serviceBus?: ServiceBusClient;
  jobQueue: JobQueue;
  deadLetters?: ServiceBusDeadLetters;
}

/** Service Bus (connection string or managed identity) or the Storage queue, as `config.queue` says. */
export function createJobQueues(
  config: AppConfig,
  storage: StorageClients,
  getCredential: () => TokenCredential,
): JobQueues {
  if (config.queue.backend !== 'servicebus')
    return { jobQueue: new StorageJobQueue(storage.queues.getQueueClient(config.queue.name)) };
  const connection = config.secrets.get('ServiceBusConnection');
  const serviceBus = connection
    ? new ServiceBusClient(connection)
    : new ServiceBusClient(config.queue.serviceBusNamespace!, getCredential());
  return {
    serviceBus,
    jobQueue: new ServiceBusJobQueue(serviceBus.createSender(config.queue.name)),
    deadLetters: new ServiceBusDeadLetters(
      serviceBus.createReceiver(config.queue.name, { subQueueType: 'deadLetter' }),
    ),
  };
}

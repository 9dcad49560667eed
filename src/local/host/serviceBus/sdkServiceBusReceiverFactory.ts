import { DefaultAzureCredential } from '@azure/identity';
import { ServiceBusClient } from '@azure/service-bus';

import type { AppSettings } from '../resolveAppSetting.js';
import type { ServiceBusReceiverFactory, ServiceBusReceiverPort } from './ServiceBusReceiverPort.js';

/** The app setting a Service Bus binding uses when its `connection` is empty, as in the host. */
export const DEFAULT_SERVICE_BUS_CONNECTION = 'AzureWebJobsServiceBus';

/** Whether `connection` names a configured namespace (connection string or identity-based). */
export function isServiceBusConfigured(connection: string, settings: AppSettings): boolean {
  const name = connection || DEFAULT_SERVICE_BUS_CONNECTION;
  return !!settings[name] || !!settings[`${name}__fullyQualifiedNamespace`];
}

function clientFor(name: string, settings: AppSettings): ServiceBusClient {
  const connectionString = settings[name];
  if (connectionString) return new ServiceBusClient(connectionString);
  const namespace = settings[`${name}__fullyQualifiedNamespace`] ?? '';
  const clientId = settings[`${name}__clientId`];
  return new ServiceBusClient(
    namespace,
    new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {}),
  );
}

/**
 * Receivers from a real namespace with `@azure/service-bus`: a connection string in `<connection>`,
 * or `<connection>__fullyQualifiedNamespace` with `DefaultAzureCredential` (the identity-based form).
 * Closing the receiver also closes its client.
 */
export function sdkServiceBusReceiverFactory(settings: AppSettings): ServiceBusReceiverFactory {
  return (connection, queueName) => {
    if (!isServiceBusConfigured(connection, settings)) return undefined;
    const client = clientFor(connection || DEFAULT_SERVICE_BUS_CONNECTION, settings);
    const receiver = client.createReceiver(queueName, { receiveMode: 'peekLock' });
    const port: ServiceBusReceiverPort = {
      subscribe: (handlers, options) => receiver.subscribe(handlers, options),
      completeMessage: (message) =>
        receiver.completeMessage(message as Parameters<typeof receiver.completeMessage>[0]),
      abandonMessage: (message) =>
        receiver.abandonMessage(message as Parameters<typeof receiver.abandonMessage>[0]),
      close: async () => {
        await receiver.close();
        await client.close();
      },
    };
    return port;
  };
}

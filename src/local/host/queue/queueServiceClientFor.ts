import { DefaultAzureCredential } from '@azure/identity';
import { QueueServiceClient } from '@azure/storage-queue';

import type { AppSettings } from '../resolveAppSetting.js';

/** The app setting a Storage binding uses when its `connection` is empty, as in the host. */
export const DEFAULT_STORAGE_CONNECTION = 'AzureWebJobsStorage';

/**
 * A queue service client for a binding's `connection` setting, resolved the way the Functions host
 * does: a connection string in `<name>`, else an identity-based connection from `<name>__queueServiceUri`
 * or `<name>__accountName` with `DefaultAzureCredential`.
 */
export function queueServiceClientFor(
  connection: string | undefined,
  settings: AppSettings,
): QueueServiceClient {
  const name = connection || DEFAULT_STORAGE_CONNECTION;
  const connectionString = settings[name];
  if (connectionString) return QueueServiceClient.fromConnectionString(connectionString);

  const serviceUri =
    settings[`${name}__queueServiceUri`] ??
    (settings[`${name}__accountName`]
      ? `https://${settings[`${name}__accountName`]}.queue.core.windows.net`
      : undefined);
  if (serviceUri) {
    const clientId = settings[`${name}__clientId`];
    return new QueueServiceClient(
      serviceUri,
      new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {}),
    );
  }

  throw new Error(
    `Storage connection "${name}" is not configured: set ${name} (connection string) or ${name}__accountName`,
  );
}

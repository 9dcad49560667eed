import { TableClient, TableServiceClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';

import type { AppConfig } from '../config/AppConfig.js';

/** Storage service clients for the app data, from a connection string (Azurite) or the app identity (Azure). */
export interface StorageClients {
  readonly tables: TableServiceClient;
  readonly blobs: BlobServiceClient;
  readonly queues: QueueServiceClient;
  table(name: string): TableClient;
}

export function createStorageClients(config: AppConfig, credential: () => TokenCredential): StorageClients {
  const connection = config.secrets.get('AzureWebJobsStorage') ?? config.storage.connectionString;
  if (connection) {
    // Azurite needs allowInsecureConnection for http:// table endpoints.
    const tableOptions = { allowInsecureConnection: true };
    return {
      tables: TableServiceClient.fromConnectionString(connection, tableOptions),
      blobs: BlobServiceClient.fromConnectionString(connection),
      queues: QueueServiceClient.fromConnectionString(connection),
      table: (name) => TableClient.fromConnectionString(connection, name, tableOptions),
    };
  }
  const account = config.storage.accountName!;
  const cred = credential();
  return {
    tables: new TableServiceClient(`https://${account}.table.core.windows.net`, cred),
    blobs: new BlobServiceClient(`https://${account}.blob.core.windows.net`, cred),
    queues: new QueueServiceClient(`https://${account}.queue.core.windows.net`, cred),
    table: (name) => new TableClient(`https://${account}.table.core.windows.net`, name, cred),
  };
}

import type { TokenCredential } from '@azure/identity';
import type { Redis } from 'ioredis';

import type { AppConfig } from '../config/AppConfig.js';
import { KeyVaultSecretSource } from '../config/KeyVaultSecretSource.js';
import type { StorageClients } from '../store/storageClients.js';
import type { HealthCheck } from './HealthCheck.js';

export interface DependencyHealthOptions {
  config: AppConfig;
  storage: StorageClients;
  redis?: Redis;
  getCredential: () => TokenCredential;
}

/** One readiness check per configured dependency: storage (required), Redis, Service Bus, Key Vault. */
export function dependencyHealthChecks(options: Readonly<DependencyHealthOptions>): HealthCheck[] {
  const { config, storage, redis } = options;
  const checks: HealthCheck[] = [
    {
      name: 'storage',
      required: true,
      async check(signal) {
        const page = storage.tables.listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 });
        await page.next();
      },
    },
  ];
  if (redis) {
    checks.push({
      name: 'redis',
      required: false,
      async check() {
        const pong = await redis.ping();
        if (pong !== 'PONG') throw new Error('unexpected PING reply');
      },
    });
  }
  if (config.queue.backend === 'servicebus') {
    checks.push({
      name: 'serviceBus',
      required: true,
      async check(signal) {
        const { ServiceBusClient } = await import('@azure/service-bus');
        const connection = config.secrets.get('ServiceBusConnection');
        const client = connection
          ? new ServiceBusClient(connection)
          : new ServiceBusClient(config.queue.serviceBusNamespace!, options.getCredential());
        try {
          const sender = client.createSender(config.queue.name);
          // Creating a batch opens the AMQP link: proves reachability, auth and that the queue exists.
          await sender.createMessageBatch({ abortSignal: signal });
          await sender.close();
        } finally {
          await client.close();
        }
      },
    });
  }
  if (config.keyVault.uri) {
    const vault = new KeyVaultSecretSource({
      vaultUri: config.keyVault.uri,
      credential: options.getCredential(),
    });
    checks.push({ name: 'keyVault', required: false, check: async (signal) => vault.ping(signal) });
  }
  return checks;
}

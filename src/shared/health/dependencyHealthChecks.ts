import type { TokenCredential } from '@azure/identity';
import type { ServiceBusClient, ServiceBusSender } from '@azure/service-bus';
import type { Redis } from 'ioredis';

import type { AppConfig } from '../config/AppConfig.js';
import { KeyVaultSecretSource } from '../config/KeyVaultSecretSource.js';
import type { StorageClients } from '../store/storageClients.js';
import type { HealthCheck } from './HealthCheck.js';

export interface DependencyHealthOptions {
  config: AppConfig;
  storage: StorageClients;
  redis?: Redis;
  /** The app's shared Service Bus client (present when jobs go through Service Bus). */
  serviceBus?: ServiceBusClient;
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
  if (options.serviceBus) {
    // A long-lived sender on the shared connection: each check is one round trip, not a new connection.
    let sender: ServiceBusSender | undefined;
    const client = options.serviceBus;
    checks.push({
      name: 'serviceBus',
      required: true,
      async check(signal) {
        sender ??= client.createSender(config.queue.name);
        // Creating a batch needs the AMQP link: proves reachability, auth and that the queue exists.
        await sender.createMessageBatch({ abortSignal: signal });
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

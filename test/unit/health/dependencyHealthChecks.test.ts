import type { ServiceBusClient } from '@azure/service-bus';
import { describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/shared/config/loadConfig.js';
import { dependencyHealthChecks } from '../../../src/shared/health/dependencyHealthChecks.js';
import { runHealthChecks } from '../../../src/shared/health/HealthCheck.js';
import type { StorageClients } from '../../../src/shared/store/storageClients.js';

const storage = {
  tables: { listTables: () => ({ byPage: () => ({ next: async () => ({ done: true }) }) }) },
} as unknown as StorageClients;

describe('dependency health checks', () => {
  it('reuse one Service Bus sender across checks and report a failing link as down', async () => {
    const config = await loadConfig({
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      AUTH_LOCAL_SECRET: 'a-local-secret-that-is-long-enough-000',
      ServiceBusConnection__fullyQualifiedNamespace: 'tg.servicebus.windows.net',
    });
    let senders = 0;
    let linkUp = true;
    const serviceBus = {
      createSender: () => {
        senders++;
        return {
          createMessageBatch: async () => {
            if (!linkUp) throw new Error('amqp link detached');
            return {};
          },
        };
      },
    } as unknown as ServiceBusClient;
    const checks = dependencyHealthChecks({
      config,
      storage,
      serviceBus,
      getCredential: () => {
        throw new Error('not used');
      },
    });
    expect((await runHealthChecks(checks, 1000)).status).toBe('ok');
    expect((await runHealthChecks(checks, 1000)).status).toBe('ok');
    expect(senders).toBe(1);
    linkUp = false;
    const report = await runHealthChecks(checks, 1000);
    expect(report.status).toBe('down');
    expect(report.checks.serviceBus).toMatchObject({
      status: 'fail',
      required: true,
      error: expect.stringContaining('detached'),
    });
  });
});

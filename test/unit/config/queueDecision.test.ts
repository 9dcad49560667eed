import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../../src/shared/config/ConfigError.js';
import { loadConfig } from '../../../src/shared/config/loadConfig.js';
import { InMemorySecretSource } from '../../../src/shared/config/SecretSource.js';
import { queueBackendFor } from '../../../src/shared/queue/queueBackend.js';

const LOCAL = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  AUTH_LOCAL_SECRET: 'a-local-secret-that-is-long-enough-000',
};
const CONNECTION =
  'Endpoint=sb://tripgen.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=c2VjcmV0';

/**
 * One decision between Service Bus and the storage queue: the trigger registration (itineraryWorker.ts)
 * calls queueBackendFor(process.env); the sender uses loadConfig's queue.backend. They must agree for
 * every configuration loadConfig accepts.
 */
describe('the job queue decision', () => {
  const cases: [string, Record<string, string>, 'servicebus' | 'storage'][] = [
    ['nothing set', {}, 'storage'],
    ['a connection string app setting', { ServiceBusConnection: CONNECTION }, 'servicebus'],
    [
      'the identity-based namespace',
      { ServiceBusConnection__fullyQualifiedNamespace: 'sb-x.servicebus.windows.net' },
      'servicebus',
    ],
    ['an empty connection setting', { ServiceBusConnection: ' ' }, 'storage'],
  ];
  for (const [name, extra, expected] of cases) {
    it(`is the same for trigger and sender: ${name}`, async () => {
      const env = { ...LOCAL, ...extra };
      expect(queueBackendFor(env)).toBe(expected);
      expect((await loadConfig(env)).queue.backend).toBe(expected);
    });
  }

  it('refuses at start-up a Service Bus connection kept only in Key Vault (the trigger would not see it)', async () => {
    const source = new InMemorySecretSource({ 'servicebus-connection': CONNECTION });
    const error = await loadConfig(LOCAL, { secretSource: source }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const issue = (error as ConfigError).issues.find((i) => i.setting === 'ServiceBusConnection');
    expect(issue?.message).toMatch(/only from Key Vault.*app settings/);
    expect((error as ConfigError).message).not.toContain('SharedAccessKey');
  });

  it('accepts the same secret in Key Vault when the app setting is there too (the vault value wins for the sender)', async () => {
    const source = new InMemorySecretSource({ 'servicebus-connection': CONNECTION });
    const config = await loadConfig({ ...LOCAL, ServiceBusConnection: CONNECTION }, { secretSource: source });
    expect(config.queue.backend).toBe('servicebus');
    config.secrets.stopAutoRefresh();
  });
});

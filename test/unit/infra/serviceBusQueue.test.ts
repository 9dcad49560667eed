import { describe, expect, it } from 'vitest';

import { SETTINGS_BY_NAME } from '../../../src/shared/config/settings.js';
import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { bicep } from './support/infraFiles.js';

const serviceBus = bicep('infra/bicep/modules/serviceBus.bicep');
const queue = serviceBus.find('resource', 'itineraryQueue');
const property = (name: string) => literalOf(at(queue.value, `properties.${name}`));

describe('Service Bus namespace and the itinerary-generation queue (docs/architecture.md#generation-job-and-queue)', () => {
  it('is named as the app expects', () => {
    expect(textOf(at(queue.value, 'name'))).toBe('queueName');
    const main = bicep('infra/bicep/main.bicep');
    expect(textOf(at(main.find('module', 'serviceBus').value, 'params.queueName'))).toBe(
      'itineraryQueueName',
    );
    expect(stringOf(main.find('var', 'itineraryQueueName').value)).toBe('ai-itinerary-generation');
    expect(SETTINGS_BY_NAME.get('ITINERARY_QUEUE_NAME')?.default).toBe('ai-itinerary-generation');
  });

  it('dead-letters after 3 deliveries, locks for 5 minutes and expires messages after 1 hour into the DLQ', () => {
    expect(property('maxDeliveryCount')).toBe(3);
    expect(property('lockDuration')).toBe('PT5M');
    expect(property('defaultMessageTimeToLive')).toBe('PT1H');
    expect(property('deadLetteringOnMessageExpiration')).toBe(true);
  });

  it('detects duplicates (messageId is the job idempotency key) over the message lifetime', () => {
    expect(property('requiresDuplicateDetection')).toBe(true);
    expect(property('duplicateDetectionHistoryTimeWindow')).toBe('PT1H');
    expect(property('requiresSession')).toBe(false);
  });

  it('lives in a Premium namespace (private endpoints) with SAS keys off and TLS 1.2', () => {
    const namespace = serviceBus.find('resource', 'namespace').value;
    expect(stringOf(at(namespace, 'sku.name'))).toBe('Premium');
    expect(stringOf(at(namespace, 'sku.tier'))).toBe('Premium');
    expect(literalOf(at(namespace, 'properties.disableLocalAuth'))).toBe(true);
    expect(stringOf(at(namespace, 'properties.minimumTlsVersion'))).toBe('1.2');
    expect(textOf(at(queue.value, 'parent'))).toBe('namespace');
  });

  it('outputs the host name in the form ServiceBusConnection__fullyQualifiedNamespace requires', () => {
    const fqdn = textOf(serviceBus.find('output', 'namespaceFqdn').value);
    expect(fqdn).toBe("'${namespace.name}.servicebus.windows.net'");
    const schema = SETTINGS_BY_NAME.get('ServiceBusConnection__fullyQualifiedNamespace')!.schema;
    expect(schema.safeParse(fqdn.slice(1, -1).replace('${namespace.name}', 'sb-abc123')).success).toBe(true);
  });
});

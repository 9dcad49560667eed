import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { encodeQueueMessage } from '../../../src/local/host/queue/decodeQueueMessage.js';
import { sdkServiceBusReceiverFactory } from '../../../src/local/host/serviceBus/sdkServiceBusReceiverFactory.js';
import { callsOf } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/serviceBusFunctions.ts');

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local host: Service Bus trigger without a namespace (Storage-queue stand-in)', () => {
  const connectionString = inject('storageConnectionString');
  const service = QueueServiceClient.fromConnectionString(connectionString);
  const queueName = `orders-${randomUUID().slice(0, 8)}`;
  const env = { AzureWebJobsStorage: connectionString, ORDERS_QUEUE: queueName };
  let host: LocalHost;

  beforeAll(async () => {
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env,
      hostJson: { extensions: { queues: { maxPollingInterval: '00:00:00.200', maxDequeueCount: 2 } } },
      queuePollingMinIntervalMs: 20,
      logger: memoryHostLogger(),
      // The real SDK factory: with no ServiceBusConnection setting it opens nothing.
      serviceBus: sdkServiceBusReceiverFactory(env),
    });
    await host.start();
  });

  afterAll(async () => {
    await host.stop();
  });

  it('feeds the same function from a Storage queue of the same name, with Service Bus-style metadata', async () => {
    expect(host.functions().find((f) => f.name === 'orderWorker')).toMatchObject({
      triggerType: 'serviceBusTrigger',
      queueName,
      transport: 'storageQueue',
      connection: 'AzureWebJobsStorage',
    });
    const sent = await service
      .getQueueClient(queueName)
      .sendMessage(encodeQueueMessage({ tripId: 't9' }, 'base64'));
    await until(() => callsOf('orderWorker').length === 1);
    const [call] = callsOf('orderWorker') as { message: unknown; metadata: Record<string, unknown> }[];
    expect(call!.message).toEqual({ tripId: 't9' });
    expect(call!.metadata).toMatchObject({
      messageId: sent.messageId,
      deliveryCount: 1,
      enqueuedTimeUtc: sent.insertedOn.toISOString(),
    });
  });

  it('moves a message that keeps failing to <queue>-poison, standing in for the dead-letter queue', async () => {
    await service.getQueueClient(queueName).sendMessage(encodeQueueMessage({ fail: true }, 'base64'));
    const poison = service.getQueueClient(`${queueName}-poison`);
    await until(
      async () => (await poison.exists()) && (await poison.peekMessages()).peekedMessageItems.length === 1,
    );
    const failed = (
      callsOf('orderWorker') as { message: unknown; metadata: { deliveryCount: number } }[]
    ).filter((c) => JSON.stringify(c.message) === '{"fail":true}');
    expect(failed.map((c) => c.metadata.deliveryCount)).toEqual([1, 2]);
  });
});

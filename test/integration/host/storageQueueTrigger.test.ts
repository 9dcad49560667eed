import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { encodeQueueMessage } from '../../../src/local/host/queue/decodeQueueMessage.js';
import { callsOf } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/queueFunctions.ts');

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local host: Storage-queue triggers (Azurite)', () => {
  const connectionString = inject('storageConnectionString');
  const service = QueueServiceClient.fromConnectionString(connectionString);
  const suffix = randomUUID().slice(0, 8);
  const failingQueue = `failing-${suffix}`;
  const metadataQueue = `metadata-${suffix}`;
  const logger = memoryHostLogger();
  let host: LocalHost;

  beforeAll(async () => {
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env: {
        AzureWebJobsStorage: connectionString,
        FAILING_QUEUE: failingQueue,
        METADATA_QUEUE: metadataQueue,
      },
      hostJson: {
        extensions: {
          queues: { maxPollingInterval: '00:00:00.200', visibilityTimeout: '00:00:00', maxDequeueCount: 5 },
        },
      },
      queuePollingMinIntervalMs: 20,
      logger,
      serviceBus: () => undefined,
    });
    await host.start();
  });

  afterAll(async () => {
    await host.stop();
  });

  it('creates missing queues at start and lists them', async () => {
    const names: string[] = [];
    for await (const q of service.listQueues({ prefix: `failing-${suffix}` })) names.push(q.name);
    expect(names).toEqual([failingQueue]);
    expect(host.functions().find((f) => f.name === 'failingWorker')).toMatchObject({
      triggerType: 'queueTrigger',
      queueName: failingQueue,
      connection: 'AzureWebJobsStorage',
      transport: 'storageQueue',
    });
  });

  it('retries a failing message maxDequeueCount times, then moves the original to <queue>-poison', async () => {
    const original = { tripId: 'trip-1', note: '서울' };
    await service.getQueueClient(failingQueue).sendMessage(encodeQueueMessage(original, 'base64'));
    const poison = service.getQueueClient(`${failingQueue}-poison`);

    await until(
      async () => (await poison.exists()) && (await poison.peekMessages()).peekedMessageItems.length === 1,
    );

    const attempts = callsOf('failingWorker') as { message: unknown; dequeueCount: number }[];
    expect(attempts.map((a) => a.dequeueCount)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.every((a) => JSON.stringify(a.message) === JSON.stringify(original))).toBe(true);

    const [poisoned] = (await poison.peekMessages()).peekedMessageItems;
    expect(JSON.parse(Buffer.from(poisoned!.messageText, 'base64').toString('utf8'))).toEqual(original);
    expect((await service.getQueueClient(failingQueue).peekMessages()).peekedMessageItems).toEqual([]);
    expect(
      logger.lines.some(
        (l) => l.level === 'warn' && l.message.includes(`moved to queue '${failingQueue}-poison'`),
      ),
    ).toBe(true);
  });

  it('passes the decoded message and the queue metadata, then deletes the message', async () => {
    const queue = service.getQueueClient(metadataQueue);
    const sent = await queue.sendMessage(encodeQueueMessage({ jobId: 'job-7' }, 'base64'));
    await until(() => callsOf('metadataWorker').length === 1);

    const [call] = callsOf('metadataWorker') as { message: unknown; metadata: Record<string, unknown> }[];
    expect(call!.message).toEqual({ jobId: 'job-7' });
    expect(call!.metadata).toMatchObject({
      id: sent.messageId,
      dequeueCount: 1,
      queueTrigger: '{"jobId":"job-7"}',
      insertionTime: sent.insertedOn.toISOString(),
      expirationTime: sent.expiresOn.toISOString(),
    });
    expect(call!.metadata.popReceipt).toEqual(expect.any(String));
    expect(Date.parse(call!.metadata.nextVisibleTime as string)).toBeGreaterThan(Date.now());
    await until(async () => (await queue.peekMessages()).peekedMessageItems.length === 0);
  });

  it('passes plain text as a string, and poisons a message that is not base64 without invoking', async () => {
    const queue = service.getQueueClient(metadataQueue);
    await queue.sendMessage(encodeQueueMessage('just text', 'base64'));
    await until(() => callsOf('metadataWorker').length === 2);
    expect((callsOf('metadataWorker')[1] as { message: unknown }).message).toBe('just text');

    await queue.sendMessage('not base64!');
    const poison = service.getQueueClient(`${metadataQueue}-poison`);
    await until(
      async () => (await poison.exists()) && (await poison.peekMessages()).peekedMessageItems.length === 1,
    );
    expect((await poison.peekMessages()).peekedMessageItems[0]!.messageText).toBe('not base64!');
    expect(callsOf('metadataWorker')).toHaveLength(2);
  });
});

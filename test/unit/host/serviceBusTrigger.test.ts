import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import type {
  ServiceBusDelivery,
  ServiceBusMessageHandlers,
  ServiceBusReceiverPort,
} from '../../../src/local/host/serviceBus/ServiceBusReceiverPort.js';
import { calls, callsOf, gates } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/serviceBusFunctions.ts');

/** An in-memory peek-lock receiver: the test delivers messages and reads how the host settled them. */
class FakeReceiver implements ServiceBusReceiverPort {
  handlers: ServiceBusMessageHandlers | undefined;
  subscribeOptions: { autoCompleteMessages: boolean; maxConcurrentCalls: number } | undefined;
  readonly completed: ServiceBusDelivery[] = [];
  readonly abandoned: ServiceBusDelivery[] = [];
  subscriptionClosed = false;
  closed = false;

  subscribe(
    handlers: ServiceBusMessageHandlers,
    options: { autoCompleteMessages: boolean; maxConcurrentCalls: number },
  ) {
    this.handlers = handlers;
    this.subscribeOptions = options;
    return { close: async () => void (this.subscriptionClosed = true) };
  }
  async deliver(message: ServiceBusDelivery): Promise<void> {
    await this.handlers!.processMessage(message);
  }
  async completeMessage(message: ServiceBusDelivery) {
    this.completed.push(message);
  }
  async abandonMessage(message: ServiceBusDelivery) {
    this.abandoned.push(message);
  }
  async close() {
    this.closed = true;
  }
}

function message(overrides: Partial<ServiceBusDelivery>): ServiceBusDelivery {
  return {
    body: { tripId: 't1' },
    messageId: 'msg-1',
    deliveryCount: 1,
    enqueuedTimeUtc: new Date('2025-03-10T09:00:00Z'),
    expiresAtUtc: new Date('2025-03-10T10:00:00Z'),
    sequenceNumber: 42,
    contentType: 'application/json',
    applicationProperties: { jobId: 'job-1' },
    lockToken: 'lock-1',
    ...overrides,
  };
}

describe('local host: Service Bus triggers (fake receiver)', () => {
  let host: LocalHost | undefined;
  afterEach(async () => {
    await host?.stop();
    calls.clear();
  });

  async function startWith(receiver: FakeReceiver, hostJson: Record<string, unknown> = {}) {
    const opened: [string, string][] = [];
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env: { ORDERS_QUEUE: 'orders' },
      hostJson,
      logger: memoryHostLogger(),
      serviceBus: (connection, queueName) => {
        opened.push([connection, queueName]);
        return receiver;
      },
    });
    await host.start();
    return opened;
  }

  it('opens a receiver for the binding, completes on success and passes body and metadata', async () => {
    const receiver = new FakeReceiver();
    const opened = await startWith(receiver, { extensions: { serviceBus: { maxConcurrentCalls: 4 } } });
    expect(opened).toEqual([['ServiceBusConnection', 'orders']]);
    expect(receiver.subscribeOptions).toEqual({ autoCompleteMessages: false, maxConcurrentCalls: 4 });

    const delivered = message({ body: Buffer.from('{"tripId":"t1"}') });
    await receiver.deliver(delivered);

    expect(receiver.completed).toEqual([delivered]);
    expect(receiver.abandoned).toEqual([]);
    expect(callsOf('orderWorker')).toEqual([
      {
        message: { tripId: 't1' },
        metadata: {
          messageId: 'msg-1',
          deliveryCount: 1,
          enqueuedTimeUtc: '2025-03-10T09:00:00.000Z',
          expiresAtUtc: '2025-03-10T10:00:00.000Z',
          sequenceNumber: 42,
          contentType: 'application/json',
          lockToken: 'lock-1',
          applicationProperties: { jobId: 'job-1' },
          userProperties: { jobId: 'job-1' },
        },
      },
    ]);
    expect(host!.functions().find((f) => f.name === 'orderWorker')).toMatchObject({
      transport: 'serviceBus',
      queueName: 'orders',
    });
  });

  it('abandons the message when the function throws', async () => {
    const receiver = new FakeReceiver();
    await startWith(receiver);
    const failing = message({ body: { fail: true }, messageId: 'msg-2', deliveryCount: 2 });
    await receiver.deliver(failing);
    expect(receiver.abandoned).toEqual([failing]);
    expect(receiver.completed).toEqual([]);
  });

  it('leaves settlement alone when host.json turns autoCompleteMessages off', async () => {
    const receiver = new FakeReceiver();
    await startWith(receiver, { extensions: { serviceBus: { autoCompleteMessages: false } } });
    await receiver.deliver(message({}));
    await receiver.deliver(message({ body: { fail: true } }));
    expect(receiver.completed).toEqual([]);
    expect(receiver.abandoned).toEqual([]);
    expect(callsOf('orderWorker')).toHaveLength(2);
  });

  it('on stop closes the subscription, waits for the message in flight, then closes the receiver', async () => {
    const receiver = new FakeReceiver();
    await startWith(receiver);
    const inFlight = receiver.deliver(message({ body: 'hold' }));
    await gates.serviceBusHold.entered;

    let stopped = false;
    const stopping = host!.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.subscriptionClosed).toBe(true);
    expect(stopped).toBe(false);
    expect(receiver.closed).toBe(false);

    gates.serviceBusHold.open();
    await Promise.all([inFlight, stopping]);
    expect(receiver.completed).toHaveLength(1);
    expect(receiver.closed).toBe(true);
    expect((callsOf('orderWorker')[0] as { message: unknown }).message).toBe('hold');
  });
});

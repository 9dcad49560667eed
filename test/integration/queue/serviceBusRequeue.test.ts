import type { ServiceBusMessage } from '@azure/service-bus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JobMessage } from '../../../src/shared/jobs/Job.js';
import { JobLifecycle } from '../../../src/shared/jobs/JobLifecycle.js';
import { JobSweeper } from '../../../src/shared/pipeline/JobSweeper.js';
import { type JobSender, ServiceBusJobQueue } from '../../../src/shared/queue/ServiceBusJobQueue.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import type { TestAppContext } from '../../support/buildTestApp.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

/**
 * A sender that behaves like a Service Bus queue with duplicate detection on: a message whose
 * `messageId` was seen within the window is accepted by the client and silently dropped.
 */
class DuplicateDetectingSender implements JobSender {
  readonly seen = new Set<string>();
  readonly delivered: ServiceBusMessage[] = [];
  readonly dropped: ServiceBusMessage[] = [];

  async sendMessages(messages: ServiceBusMessage | ServiceBusMessage[]): Promise<void> {
    for (const m of Array.isArray(messages) ? messages : [messages]) {
      const id = String(m.messageId);
      if (this.seen.has(id)) this.dropped.push(m);
      else {
        this.seen.add(id);
        this.delivered.push(m);
      }
    }
  }

  async close(): Promise<void> {}
}

const generator = {
  async generate(trip: { id: string }) {
    return {
      days: [
        {
          date: '2026-12-10',
          items: [{ id: `i-${trip.id}`, kind: 'visit' as const, start: '10:00', end: '11:00' }],
        },
      ],
      warnings: [],
      dropped: [],
    };
  },
};

describe("the sweeper's requeue through Service Bus duplicate detection", () => {
  const sender = new DuplicateDetectingSender();
  let app: TestAppContext;

  beforeAll(async () => {
    ({ app } = await testApp({}, { jobQueue: new ServiceBusJobQueue(sender), generator }));
  });
  afterAll(async () => app?.close());

  it('every requeue of a crashed job gets its own message id, so none is dropped, and the job completes', async () => {
    const { trip } = await app.trips.create('requeue-user', tripInputSchema.parse(sampleTrip()));
    const { job } = await app.jobs.submit('requeue-user', trip.id, { useLlm: false }, 'k-1');
    expect(sender.delivered.map((m) => m.messageId)).toEqual([job.jobId]);

    const shortLease = new JobLifecycle(app.jobStore, app.jobEvents, { leaseMs: 20 });
    let now = Date.now();
    const sweeper = new JobSweeper({
      jobs: app.jobStore,
      lifecycle: shortLease,
      queue: app.jobQueue,
      logger: app.logger,
      now: () => now,
    });
    // Two workers die in turn holding the job; the sweeper sends it again after each.
    for (const crashed of ['worker-1', 'worker-2']) {
      expect(await shortLease.claim(job.jobId, crashed)).toMatchObject({ status: 'running' });
      await new Promise((r) => setTimeout(r, 30));
      now = Date.now() + 1;
      expect((await sweeper.sweep()).requeued).toBe(1);
    }
    expect(sender.dropped).toEqual([]);
    const ids = sender.delivered.map((m) => m.messageId);
    expect(ids).toEqual([job.jobId, `${job.jobId}:2`, `${job.jobId}:3`]);

    // The last message delivered is processed to the end.
    const last = sender.delivered.at(-1)!.body as JobMessage;
    expect(await app.worker.process(last, { deliveryCount: 1, maxDeliveries: 5 })).toBe('completed');
    expect(await app.jobs.get('requeue-user', job.jobId)).toMatchObject({ status: 'completed' });
  });

  it('a second send of a first delivery keeps the job id, so the queue still drops it', async () => {
    const queue = new ServiceBusJobQueue(sender);
    const message = { jobId: 'dup-job', tripId: 't', ownerId: 'o', options: { useLlm: false } };
    await queue.send(message);
    await queue.send(message);
    expect(sender.dropped.map((m) => m.messageId)).toEqual(['dup-job']);
  });
});

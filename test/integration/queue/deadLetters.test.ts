import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

import { TableClient } from '@azure/data-tables';
import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { Job } from '../../../src/shared/jobs/Job.js';
import { noJobEvents } from '../../../src/shared/jobs/JobEventBus.js';
import { JobLifecycle } from '../../../src/shared/jobs/JobLifecycle.js';
import { JobStore } from '../../../src/shared/jobs/JobStore.js';
import { JobSweeper } from '../../../src/shared/pipeline/JobSweeper.js';
import {
  type DeadLetterPeeker,
  ServiceBusDeadLetters,
} from '../../../src/shared/queue/ServiceBusDeadLetters.js';

/**
 * Service Bus cannot run here, so its dead-letter queue is a fake behind the SDK receiver's own shape: an
 * array of messages with a peek cursor, as the SDK keeps one per receiver. It has no settle methods at all:
 * the sweeper can only have peeked. The job store is the real one, on Azurite.
 */
class FakeDeadLetterQueue implements DeadLetterPeeker {
  readonly messages: ServiceBusReceivedMessage[] = [];
  #cursor = 0;
  add(body: unknown, reason: string, description: string): void {
    this.messages.push({ body, deadLetterReason: reason, deadLetterErrorDescription: description } as never);
  }
  async peekMessages(max: number): Promise<ServiceBusReceivedMessage[]> {
    const batch = this.messages.slice(this.#cursor, this.#cursor + max);
    this.#cursor += batch.length;
    return batch;
  }
  async close(): Promise<void> {}
}

const silent = { debug() {}, info() {}, warn() {}, error() {} } as never;

describe('dead-lettered job messages', () => {
  let jobs: JobStore;
  beforeAll(async () => {
    const table = TableClient.fromConnectionString(
      inject('storageConnectionString'),
      `deadletters${Date.now()}`,
      {
        allowInsecureConnection: true,
      },
    );
    await table.createTable();
    jobs = new JobStore(table);
  });

  const queuedJob = async (): Promise<Job> => {
    const now = new Date().toISOString();
    const job: Job = {
      jobId: randomUUID(),
      tripId: randomUUID(),
      ownerId: 'user-1',
      status: 'queued',
      step: 'queued',
      progress: 0,
      createdAt: now,
      updatedAt: now,
      attempts: 0,
      options: { useLlm: false },
    };
    await jobs.createIfAbsent(job);
    return job;
  };

  it('fail their jobs with Service Bus reason and stay in the dead-letter queue', async () => {
    const dlq = new FakeDeadLetterQueue();
    const [a, b] = [await queuedJob(), await queuedJob()];
    dlq.add(
      { jobId: a.jobId, tripId: a.tripId },
      'MaxDeliveryCountExceeded',
      'Message could not be consumed after 3 delivery attempts.',
    );
    dlq.add({ jobId: b.jobId, tripId: b.tripId }, 'TTLExpiredException', '');
    dlq.add('not a job message', 'Poison', 'unreadable');
    const sweeper = new JobSweeper({
      jobs,
      lifecycle: new JobLifecycle(jobs, noJobEvents),
      logger: silent,
      deadLetters: new ServiceBusDeadLetters(dlq),
    });

    const result = await sweeper.sweep();
    expect(result.poisoned).toBe(2);
    const failedA = (await jobs.find(a.jobId))!.job;
    expect(failedA).toMatchObject({ status: 'failed', error: { code: 'dead_lettered' } });
    expect(failedA.error!.message).toContain(
      'MaxDeliveryCountExceeded: Message could not be consumed after 3 delivery attempts.',
    );
    expect((await jobs.find(b.jobId))!.job.error!.message).toContain('TTLExpiredException');
    expect(dlq.messages).toHaveLength(3);

    // Later sweeps read only what arrived since; a job already failed is not touched again.
    const c = await queuedJob();
    dlq.add({ jobId: c.jobId }, 'MaxDeliveryCountExceeded', '');
    expect((await sweeper.sweep()).poisoned).toBe(1);
    expect((await sweeper.sweep()).poisoned).toBe(0);
    expect(dlq.messages).toHaveLength(4);
  });

  it('after a restart (a new receiver from the start) change nothing for jobs already failed', async () => {
    const dlq = new FakeDeadLetterQueue();
    const job = await queuedJob();
    dlq.add({ jobId: job.jobId }, 'MaxDeliveryCountExceeded', '');
    await new JobSweeper({
      jobs,
      lifecycle: new JobLifecycle(jobs, noJobEvents),
      logger: silent,
      deadLetters: new ServiceBusDeadLetters(dlq),
    }).sweep();
    const before = (await jobs.find(job.jobId))!;
    const restarted = new FakeDeadLetterQueue();
    restarted.messages.push(...dlq.messages);
    const again = await new JobSweeper({
      jobs,
      lifecycle: new JobLifecycle(jobs, noJobEvents),
      logger: silent,
      deadLetters: new ServiceBusDeadLetters(restarted),
    }).sweep();
    expect(again.poisoned).toBe(0);
    expect((await jobs.find(job.jobId))!.etag).toBe(before.etag);
  });

  it('have no trigger: no function listens on a dead-letter or poison queue (a trigger would remove them)', () => {
    const sources = readdirSync('src/functions')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(`src/functions/${f}`, 'utf8'));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(source).not.toMatch(/\$DeadLetterQueue|deadletterqueue|-poison'/i);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { JobMessage } from '../../../src/shared/jobs/Job.js';
import { JobLifecycle } from '../../../src/shared/jobs/JobLifecycle.js';
import type { ItineraryGenerator } from '../../../src/shared/pipeline/ItineraryGenerator.js';
import { JobSweeper } from '../../../src/shared/pipeline/JobSweeper.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import type { TestAppContext } from '../../support/buildTestApp.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

/** Counts generations per job id; each takes a few milliseconds so concurrent deliveries overlap. */
class CountingGenerator implements ItineraryGenerator {
  async generate(
    trip: { id: string },
    _options: unknown,
    report: (s: 'planning', p: number) => Promise<void>,
  ) {
    await report('planning', 50);
    await new Promise((r) => setTimeout(r, 20));
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
  }
}

describe('job lease: one generation per job, coalescing per trip, crash recovery', () => {
  const runs: string[] = [];
  const generator = new CountingGenerator();
  let app: TestAppContext;
  const input = tripInputSchema.parse(sampleTrip());
  const delivery = { deliveryCount: 1, maxDeliveries: 5 };
  /** When set, the next generation waits for it (a job still generating while another completes). */
  let hold: Promise<void> | undefined;

  beforeAll(async () => {
    ({ app } = await testApp(
      {},
      {
        wrapGenerator: () => ({
          generate: async (trip, options, report) => {
            runs.push(trip.id);
            const gate = hold;
            hold = undefined;
            await gate;
            return generator.generate(trip, options, report);
          },
        }),
      },
    ));
  });
  afterAll(async () => app?.close());

  async function submitted(user: string): Promise<JobMessage> {
    const { trip } = await app.trips.create(user, input);
    const { job } = await app.jobs.submit(user, trip.id, { useLlm: false });
    return { jobId: job.jobId, tripId: trip.id, ownerId: user, options: job.options };
  }

  it('ten concurrent deliveries of one message generate once', async () => {
    const message = await submitted('lease-a');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => app.worker.process(message, delivery)),
    );
    expect(outcomes.filter((o) => o === 'completed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(9);
    expect(runs.filter((id) => id === message.tripId)).toHaveLength(1);
    expect(await app.jobs.get('lease-a', message.jobId)).toMatchObject({ status: 'completed' });
  });

  it('fifty parallel jobs for one trip coalesce: none fails with a conflict, the newest completes', async () => {
    const { trip } = await app.trips.create('lease-b', input);
    const messages: JobMessage[] = [];
    for (let i = 0; i < 50; i++) {
      const { job } = await app.jobs.submit('lease-b', trip.id, { useLlm: false });
      messages.push({ jobId: job.jobId, tripId: trip.id, ownerId: 'lease-b', options: job.options });
    }
    await Promise.all(messages.map((m) => app.worker.process(m, delivery)));
    const jobs = await Promise.all(messages.map((m) => app.jobs.get('lease-b', m.jobId)));
    const codes = jobs.map((j) => (j.status === 'completed' ? 'completed' : (j.error?.code ?? j.status)));
    expect(codes.filter((c) => c !== 'completed' && c !== 'superseded')).toEqual([]);
    expect(codes.at(-1)).toBe('completed');
    expect((await app.itineraries.get('lease-b', trip.id)).doc.jobId).toBe(messages.at(-1)!.jobId);
  });

  it("a crashed worker's job is refused to duplicates while its lease lives, then requeued and completed", async () => {
    const message = await submitted('lease-c');
    const shortLease = new JobLifecycle(app.jobStore, app.jobEvents, { leaseMs: 50 });
    expect(await shortLease.claim(message.jobId, 'worker-that-crashes')).toMatchObject({ status: 'running' });
    // A redelivery while the (short) lease still lives must not generate a second time.
    expect(await app.worker.process(message, delivery)).toBe('skipped');
    await new Promise((r) => setTimeout(r, 80));
    const sent: JobMessage[] = [];
    const sweeper = new JobSweeper({
      jobs: app.jobStore,
      lifecycle: shortLease,
      queue: { send: async (m) => void sent.push(m) },
      logger: app.logger,
      now: () => Date.now() + 1,
    });
    expect((await sweeper.sweep()).requeued).toBeGreaterThanOrEqual(1);
    expect(sent.map((m) => m.jobId)).toContain(message.jobId);
    expect(await app.jobs.get('lease-c', message.jobId)).toMatchObject({ status: 'queued' });
    expect(await app.worker.process(message, delivery)).toBe('completed');
    expect(runs.filter((id) => id === message.tripId)).toHaveLength(1);
  });

  it('a job overtaken while it generated by a newer one that completed keeps the newer plan', async () => {
    const { trip } = await app.trips.create('lease-c', input);
    const message = async (): Promise<JobMessage> => {
      const { job } = await app.jobs.submit('lease-c', trip.id, { useLlm: false });
      return { jobId: job.jobId, tripId: trip.id, ownerId: 'lease-c', options: job.options };
    };
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const older = await message();
    const olderRun = app.worker.process(older, delivery);
    // The older job is generating (held) when the newer one is submitted and runs to the end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = await message();
    expect(await app.worker.process(newer, delivery)).toBe('completed');
    release();
    expect(await olderRun).toBe('failed');
    expect((await app.jobs.get('lease-c', older.jobId)).error?.code).toBe('superseded');
    expect((await app.itineraries.get('lease-c', trip.id)).doc.jobId).toBe(newer.jobId);
  });
});

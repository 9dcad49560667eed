import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import type { JobMessage } from '../../../src/shared/jobs/Job.js';
import { JobLifecycle } from '../../../src/shared/jobs/JobLifecycle.js';
import { JobSweeper } from '../../../src/shared/pipeline/JobSweeper.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import type { TestAppContext } from '../../support/buildTestApp.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

/** JOB_SOAK_JOBS=1000 for the full soak; the default keeps `npm test` quick on a shared machine. */
const JOBS = Number(process.env.JOB_SOAK_JOBS ?? 200);
const POOL = 25;
const MAX_DELIVERIES = 5;

describe(`job soak: ${JOBS} jobs, 10 % transient failures, 10 % concurrent duplicate deliveries, one crash`, () => {
  let app: TestAppContext;
  /** Generations that returned a plan, per trip; and every generator start. */
  const generated = new Map<string, number>();
  let starts = 0;
  const failOnce = new Set<string>();

  beforeAll(async () => {
    ({ app } = await testApp(
      {},
      {
        generator: {
          async generate(trip, _options, report) {
            starts++;
            await report('planning', 50);
            if (failOnce.delete(trip.id)) throw new AppError('upstream_unavailable', 'provider blip');
            generated.set(trip.id, (generated.get(trip.id) ?? 0) + 1);
            return {
              days: [
                { date: trip.startDate, items: [{ id: 'i', kind: 'visit', start: '10:00', end: '11:00' }] },
              ],
              warnings: [],
              dropped: [],
            };
          },
        },
      },
    ));
  });
  afterAll(async () => app?.close());

  it('ends every job terminal, none stuck, none generated twice, the crashed one recovered', async () => {
    const started = Date.now();
    const messages: JobMessage[] = [];
    for (let i = 0; i < JOBS; i += POOL)
      messages.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(POOL, JOBS - i) }, async (_, k) => {
            const owner = `soak-${i + k}`;
            const { trip } = await app.trips.create(owner, tripInputSchema.parse(sampleTrip()));
            const { job } = await app.jobs.submit(owner, trip.id, { useLlm: false });
            if ((i + k) % 10 === 0) failOnce.add(trip.id);
            return { jobId: job.jobId, tripId: trip.id, ownerId: owner, options: job.options };
          }),
        )),
      );

    // One worker crashes hard after claiming job 7: no renewal, no release, no failure recorded.
    const crashed = messages[7]!;
    const shortLease = new JobLifecycle(app.jobStore, app.jobEvents, { leaseMs: 100 });
    await shortLease.claim(crashed.jobId, 'worker-that-crashed');
    const crashedAt = Date.now();

    /** Deliver like a queue: redeliver on a throw, up to the delivery limit. */
    async function deliver(message: JobMessage): Promise<void> {
      for (let count = 1; count <= MAX_DELIVERIES; count++) {
        try {
          await app.worker.process(message, { deliveryCount: count, maxDeliveries: MAX_DELIVERIES });
          return;
        } catch {
          // redelivered
        }
      }
    }
    for (let i = 0; i < messages.length; i += POOL)
      await Promise.all(
        messages
          .slice(i, i + POOL)
          .flatMap((m, k) =>
            m === crashed ? [] : (i + k) % 10 === 5 ? [deliver(m), deliver(m)] : [deliver(m)],
          ),
      );

    // The sweeper finds the crashed job's lease expired and requeues it; the queue delivers it again.
    await new Promise((r) => setTimeout(r, 150));
    const requeued: JobMessage[] = [];
    const sweeper = new JobSweeper({
      jobs: app.jobStore,
      lifecycle: shortLease,
      queue: { send: async (m) => void requeued.push(m) },
      logger: app.logger,
    });
    await sweeper.sweep();
    const recoveredAfterMs = Date.now() - crashedAt;
    await Promise.all(requeued.map(deliver));

    const jobs = await Promise.all(messages.map(async (m) => app.jobs.get(m.ownerId, m.jobId)));
    const terminal = jobs.filter((j) => j.status === 'completed' || j.status === 'failed').length;
    const completed = jobs.filter((j) => j.status === 'completed').length;
    const doubles = messages.filter((m) => (generated.get(m.tripId) ?? 0) > 1).length;
    console.log(
      `job soak: ${JOBS} jobs in ${((Date.now() - started) / 1000).toFixed(1)} s → terminal ${terminal}, completed ${completed}, ` +
        `stuck ${JOBS - terminal}, generator starts ${starts}, double generations ${doubles}, ` +
        `crashed job requeued ${requeued.some((m) => m.jobId === crashed.jobId)} after ${recoveredAfterMs} ms (lease 100 ms here; 30 s + 1 min sweep in production)`,
    );
    expect(terminal).toBe(JOBS);
    expect(completed).toBe(JOBS);
    expect(doubles).toBe(0);
    expect(requeued.map((m) => m.jobId)).toContain(crashed.jobId);
  }, 600_000);
});

import { afterAll, beforeAll, describe, expect } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import type { AppContext } from '../../../src/shared/app/AppContext.js';
import type { Job, JobMessage } from '../../../src/shared/jobs/Job.js';
import type { ItineraryGenerator } from '../../../src/shared/pipeline/ItineraryGenerator.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

const INSTANCES = 3;
const JOBS = 30;

/** Counts generator runs per trip across every instance (they share this process, as a fleet shares Storage). */
const runs = new Map<string, number>();
const countingGenerator: ItineraryGenerator = {
  async generate(trip, _options, report) {
    runs.set(trip.id, (runs.get(trip.id) ?? 0) + 1);
    await report('planning', 50);
    await new Promise((r) => setTimeout(r, 10));
    return {
      days: [{ date: trip.startDate, items: [{ id: 'i-1', kind: 'visit', start: '10:00', end: '11:00' }] }],
      warnings: [],
      dropped: [],
    };
  },
};

describe(`${INSTANCES} instances on one Azurite and one Redis`, () => {
  let sandbox: RunningSandbox;
  const apps: AppContext[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    const shared = {
      KAKAO_REST_API_KEY: sandbox.kakaoKey,
      GOOGLE_MAPS_API_KEY: sandbox.googleKey,
      KAKAO_LOCAL_BASE_URL: sandbox.url,
      KAKAO_MOBILITY_BASE_URL: sandbox.url,
      GOOGLE_PLACES_BASE_URL: sandbox.url,
      GOOGLE_ROUTES_BASE_URL: sandbox.url,
      SANDBOX_UPSTREAM: 'true',
      REDIS_URL: redisUrl(),
      ITINERARY_QUEUE_NAME: `multi-${Math.random().toString(36).slice(2, 8)}`,
    };
    for (let i = 0; i < INSTANCES; i++)
      apps.push((await testApp(shared, { generator: countingGenerator })).app);
  });
  afterAll(async () => {
    await Promise.all(apps.map(async (app) => app.close()));
    await sandbox?.close();
  });

  itWithRedis('every job delivered to every instance at once is generated exactly once', async () => {
    const messages: JobMessage[] = [];
    for (let i = 0; i < JOBS; i++) {
      const submitter = apps[i % INSTANCES]!;
      const { trip } = await submitter.trips.create(`multi-${i}`, tripInputSchema.parse(sampleTrip()));
      const { job } = await submitter.jobs.submit(`multi-${i}`, trip.id, { useLlm: false });
      messages.push({ jobId: job.jobId, tripId: trip.id, ownerId: `multi-${i}`, options: job.options });
    }
    const delivery = { deliveryCount: 1, maxDeliveries: 5 };
    const outcomes = await Promise.all(
      messages.flatMap((m) => apps.map(async (app) => app.worker.process(m, delivery))),
    );
    const generations = messages.map((m) => runs.get(m.tripId) ?? 0);
    const statuses = await Promise.all(
      messages.map(async (m) => (await apps[0]!.jobs.get(m.ownerId, m.jobId)).status),
    );
    const duplicates = generations.filter((n) => n > 1).length;
    console.log(
      `multi-instance: ${JOBS} jobs × ${INSTANCES} deliveries → ${outcomes.filter((o) => o === 'completed').length} completed, ` +
        `${outcomes.filter((o) => o === 'skipped').length} skipped, generator runs ${generations.reduce((a, b) => a + b, 0)}, duplicates ${duplicates}`,
    );
    expect(generations).toEqual(new Array(JOBS).fill(1));
    expect(statuses).toEqual(new Array(JOBS).fill('completed'));
  });

  itWithRedis('the warmer runs on one instance per schedule', async () => {
    const reports = await Promise.all(apps.map(async (app) => app.warmer.run()));
    const ran = reports.filter((r) => r.ran).length;
    console.log(`multi-instance: warmer fired on ${INSTANCES} instances → ran ${ran}`);
    expect(ran).toBe(1);
  });

  itWithRedis(
    'job events published on one instance reach streams on the others, over one subscriber each',
    async () => {
      const clientsBefore = await connections(apps[0]!);
      const received: Job[][] = [[], []];
      const unsubscribes = [];
      for (let stream = 0; stream < 40; stream++) {
        const target = apps[1 + (stream % 2)]!;
        unsubscribes.push(
          await target.jobEvents.subscribe!(`job-${stream % 4}`, (job) => received[stream % 2]!.push(job)),
        );
      }
      const opened = (await connections(apps[0]!)) - clientsBefore;
      const now = new Date().toISOString();
      for (let j = 0; j < 4; j++)
        await apps[0]!.jobEvents.publish({
          jobId: `job-${j}`,
          tripId: 't',
          ownerId: 'o',
          status: 'running',
          step: 'planning',
          progress: 50,
          createdAt: now,
          updatedAt: now,
          attempts: 1,
          options: { useLlm: false },
        });
      await expect.poll(() => received[0]!.length + received[1]!.length).toBe(40);
      await Promise.all(unsubscribes.map(async (u) => u()));
      console.log(`multi-instance: 40 SSE subscriptions on 2 instances opened ${opened} Redis connection(s)`);
      expect(opened).toBeLessThanOrEqual(2);
    },
  );

  itWithRedis('a cold search key requested on every instance at once: upstream calls per key', async () => {
    sandbox.stats.reset();
    const params = { query: `stampede-${Date.now()}`, lat: 37.5665, lng: 126.978, radius: 2000 };
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) =>
        apps[i % INSTANCES]!.places.search.search({ ...params, language: 'ko', page: 1, size: 15 }),
      ),
    );
    const calls = sandbox.stats.requests();
    console.log(
      `multi-instance: 30 concurrent cold requests for one key on ${INSTANCES} instances → ${calls} upstream call(s)`,
    );
    expect(calls).toBe(1);
  });
});

async function connections(app: AppContext): Promise<number> {
  const list = (await app.redis!.client('LIST')) as string;
  return list.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * `npm run bench:pipeline`: the itinerary pipeline through the local host, Azurite (+ redis-server when
 * installed) and the sandbox upstream (no injected latency: "upstreams fast").
 *  1. job latency for 200 jobs (POST → completed), next to the generator's own time: overhead = the rest;
 *  2. itinerary reads at 200 concurrent;
 *  3. soak: 1,000 jobs with 10 % of worker attempts failing transiently (+ 10 % duplicate messages).
 * Figures are printed; nothing is asserted.
 */
import { Worker } from 'node:worker_threads';

import { QueueClient } from '@azure/storage-queue';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { startBenchStack } from '../hotpath/benchStack.js';

/** `npm run bench:pipeline -- reads` runs only the named parts: jobs, reads, soak (default all). */
const parts = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['jobs', 'reads', 'soak']);
const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

// Seeded PRNG (mulberry32) so the injected failures are the same every run.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let failureRate = 0;
let generations = 0;
const generateMs = new Map<string, number>();
const stack = await startBenchStack({
  logLevel: 'error',
  build: {
    wrapGenerator: (real) => ({
      async generate(trip, options, report, signal) {
        if (random() < failureRate) throw new AppError('upstream_unavailable', 'injected transient failure');
        const started = performance.now();
        const result = await real.generate(trip, options, report, signal);
        generateMs.set(trip.id, performance.now() - started);
        generations++;
        return result;
      },
    }),
  },
  host: {
    queuePollingMinIntervalMs: 10,
    hostJson: {
      version: '2.0',
      extensions: {
        http: { routePrefix: 'api' },
        // Service Bus (production) pushes messages; locally the Storage queue is polled, so poll briskly
        // and redeliver failed messages at once, as a Service Bus abandon does.
        queues: {
          batchSize: 16,
          newBatchThreshold: 8,
          maxPollingInterval: '00:00:00.050',
          visibilityTimeout: '00:00:00',
          maxDequeueCount: 5,
        },
      },
    },
  },
});
const { url, token, app, azurite, redis } = stack;
const call = async (p: string, init: RequestInit = {}) =>
  fetch(`${url}${p}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers as object),
    },
  });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tripBody = (i: number) =>
  JSON.stringify({
    name: `Bench trip ${i}`,
    destination: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
    startDate: day(30),
    endDate: day(31),
    dailyStart: '09:00',
    dailyEnd: '21:00',
    accommodation: { name: 'Hotel', lat: 37.5658 + (i % 7) * 0.002, lng: 126.9751 },
    transport: { mode: 'transit' },
    members: [
      { name: 'A', age: 40, preferences: ['history', 'food'] },
      { name: 'B', age: 70, health: { mobility: 'limited' }, preferences: ['palaces'] },
    ],
    language: 'ko',
  });

async function createTrip(i: number): Promise<string> {
  const res = await call('/api/trips', { method: 'POST', body: tripBody(i) });
  return ((await res.json()) as { id: string }).id;
}

async function runJobs(
  tripIds: string[],
  concurrency: number,
  onAccepted?: (jobId: string, tripId: string) => Promise<void>,
) {
  const latencies: number[] = [];
  const outcomes = new Map<string, string>();
  let next = 0;
  async function worker() {
    while (next < tripIds.length) {
      const tripId = tripIds[next++]!;
      const started = performance.now();
      const res = await call(`/api/trips/${tripId}/itinerary-jobs`, { method: 'POST' });
      const { jobId } = (await res.json()) as { jobId: string };
      await onAccepted?.(jobId, tripId);
      for (;;) {
        const job = (await (await call(`/api/jobs/${jobId}`)).json()) as { status: string };
        if (job.status === 'completed' || job.status === 'failed') {
          outcomes.set(tripId, job.status);
          latencies.push(performance.now() - started);
          break;
        }
        if (performance.now() - started > 120_000) {
          outcomes.set(tripId, `stuck:${job.status}`);
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, outcomes };
}

console.log(
  `pipeline bench: local host + Azurite + ${redis ? 'redis-server' : 'NO Redis (L1 only)'} + sandbox (no injected latency)`,
);

// 1. Job latency (the trips are reused by the read test).
const warm = await createTrip(-1);
await runJobs([warm], 1); // warm the caches and the JIT
const latencyTrips = await Promise.all(Array.from({ length: 200 }, (_, i) => createTrip(i)));
// One job at a time: the overhead is then the pipeline's own (queue, status writes, storing), not time
// spent waiting behind other jobs' planning on a 2-core machine.
const lat = await runJobs(latencyTrips, 1);
if (parts.has('jobs')) {
  const gen = latencyTrips.map((id) => generateMs.get(id) ?? NaN);
  const overhead = latencyTrips.map((id, i) => lat.latencies[i]! - (generateMs.get(id) ?? 0));
  console.log('\n1. job latency, 200 jobs one after another (POST → status completed, polled every 5 ms)');
  console.log(`   end to end: p50 ${ms(pct(lat.latencies, 50))}, p95 ${ms(pct(lat.latencies, 95))}`);
  console.log(`   generator (gather + plan): p50 ${ms(pct(gen, 50))}, p95 ${ms(pct(gen, 95))}`);
  console.log(
    `   overhead beyond planning: p50 ${ms(pct(overhead, 50))}, p95 ${ms(pct(overhead, 95))}   (target p95 ≤ 200 ms)`,
  );
  console.log(`   completed ${[...lat.outcomes.values()].filter((s) => s === 'completed').length}/200`);
}

// 2. Itinerary reads at 200 concurrent, from a worker thread (its own event loop, like a separate client).
if (parts.has('reads')) {
  const readLatencies = await new Promise<number[]>((resolve, reject) => {
    const loader = new Worker(
      `
    const { parentPort, workerData } = require('node:worker_threads');
    const { Agent, setGlobalDispatcher } = require('undici');
    setGlobalDispatcher(new Agent({ connections: 256 }));
    (async () => {
      const latencies = [];
      const get = async (tripId) => {
        const started = performance.now();
        const res = await fetch(workerData.url + '/api/trips/' + tripId + '/itinerary', { headers: { authorization: 'Bearer ' + workerData.token } });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(performance.now() - started);
      };
      await Promise.all(workerData.tripIds.map(get)); // warm-up round, not counted
      latencies.length = 0;
      for (let round = 0; round < 10; round++) await Promise.all(workerData.tripIds.map(get));
      parentPort.postMessage(latencies);
    })().catch((e) => { throw e; });
    `,
      { eval: true, workerData: { url, token, tripIds: latencyTrips } },
    );
    loader.once('message', resolve);
    loader.once('error', reject);
  });
  console.log(
    `\n2. itinerary reads: 10 rounds × 200 concurrent GETs from a separate thread (${readLatencies.length} ok)`,
  );
  console.log(
    `   p50 ${ms(pct(readLatencies, 50))}, p99 ${ms(pct(readLatencies, 99))}   (target p99 ≤ 50 ms; seeds ask < 500 ms)`,
  );
}

// 3. Soak.
if (parts.has('soak')) {
  failureRate = 0.1;
  const soakTrips = await Promise.all(Array.from({ length: 1000 }, (_, i) => createTrip(1000 + i)));
  const generationsBefore = generations;
  const queue = new QueueClient(azurite.connectionString, app.config.queue.name);
  let duplicates = 0;
  const started = performance.now();
  const soak = await runJobs(soakTrips, 25, async (jobId, tripId) => {
    if (random() < 0.1) {
      duplicates++;
      const message = { jobId, tripId, ownerId: 'bench', options: { useLlm: true } };
      await queue.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
    }
  });
  const statuses = [...soak.outcomes.values()];
  const terminal = statuses.filter((s) => s === 'completed' || s === 'failed').length;
  let duplicated = 0;
  for (const tripId of soakTrips) {
    const stored = await app.itineraryStore.find('bench', tripId);
    const jobs = await app.jobStore.listForTrip(tripId);
    if (stored && !jobs.includes(stored.doc.jobId)) duplicated++;
  }
  await new Promise((r) => setTimeout(r, 1000)); // let duplicate messages drain
  const extraGenerations = generations - generationsBefore - statuses.filter((s) => s === 'completed').length;
  console.log(
    `\n3. soak: 1,000 jobs at 25 concurrent, 10 % of worker attempts fail transiently, ${duplicates} duplicate messages`,
  );
  console.log(
    `   terminal ${terminal}/1000 (completed ${statuses.filter((s) => s === 'completed').length}, failed ${statuses.filter((s) => s === 'failed').length}), ` +
      `stuck ${1000 - terminal}, itineraries not from their own job ${duplicated}, generations beyond one per completed job ${extraGenerations}`,
  );
  console.log(
    `   wall ${((performance.now() - started) / 1000).toFixed(1)} s   (target: 1,000 terminal, 0 stuck, 0 duplicated itineraries)`,
  );
}

await stack.stop();
process.exit(0);

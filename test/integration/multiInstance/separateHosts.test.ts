import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { redisUrl } from '../../support/redisTest.js';
import { itWithRedis } from '../../support/redisTest.js';
import { sandboxEnv } from '../../support/sandboxEnv.js';
import { sampleTrip, testEnv, tokenFor } from '../../support/testApp.js';
import { waitFor } from '../../support/waitFor.js';
import { type HostProcesses, startHostProcesses } from './hostProcesses.js';

/** Small by default so `npm test` can afford it; `npm run test:soak` raises it. */
const HOSTS = Number(process.env.MULTI_HOST_PROCESSES ?? 2);
const JOBS = Number(process.env.MULTI_HOST_JOBS ?? 4);
const COLD_KEYS = 3;
const WARMER_EVERY_S = 4;

interface LoggedLine {
  msg?: string;
  jobId?: string;
}

function parse(text: string): LoggedLine | undefined {
  try {
    return JSON.parse(text) as LoggedLine;
  } catch {
    return undefined;
  }
}

describe(`${HOSTS} separate local host processes on one Azurite, one Redis and one sandbox`, () => {
  let sandbox: RunningSandbox;
  let hosts: HostProcesses;
  const env = testEnv();

  async function call(host: number, user: string, path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${await tokenFor(user)}`);
    return fetch(`${hosts.urls[host % HOSTS]}${path}`, { ...init, headers });
  }
  const logged = (msg: string) =>
    hosts.lines.map((l) => ({ ...l, parsed: parse(l.text) })).filter((l) => l.parsed?.msg === msg);

  beforeAll(async () => {
    if (!redisUrl()) return;
    sandbox = await startSandbox();
    hosts = await startHostProcesses(HOSTS, {
      ...env,
      ...sandboxEnv(sandbox),
      REDIS_URL: redisUrl()!,
      LOG_LEVEL: 'info',
      AzureWebJobsStorage: inject('storageConnectionString'),
      WARMER_SCHEDULE: `*/${WARMER_EVERY_S} * * * * *`,
      WARMER_DESTINATIONS: 'Seoul:37.5665:126.9780',
      WARMER_CATEGORIES: 'cafe',
    });
  }, 120_000);
  afterAll(async () => {
    await hosts?.stop();
    await sandbox?.close();
  });

  itWithRedis(
    'jobs submitted across the hosts (each message delivered twice) are each generated exactly once',
    async () => {
      const queue = new QueueClient(inject('storageConnectionString'), env.ITINERARY_QUEUE_NAME!);
      const jobs: { user: string; jobId: string }[] = [];
      for (let i = 0; i < JOBS; i++) {
        const user = `fleet-${i}`;
        const created = await call(i, user, '/api/trips', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sampleTrip()),
        });
        const { id: tripId } = (await created.json()) as { id: string };
        const submitted = await call(i + 1, user, `/api/trips/${tripId}/itinerary-jobs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ options: { useLlm: false } }),
        });
        const { jobId } = (await submitted.json()) as { jobId: string };
        jobs.push({ user, jobId });
        // A duplicate delivery of the same message, which another host may pick up at the same time.
        const duplicate = { jobId, tripId, ownerId: user, options: { useLlm: false } };
        await queue.sendMessage(Buffer.from(JSON.stringify(duplicate)).toString('base64'));
      }
      const statuses = await waitFor(
        'every job to end',
        async () => {
          const all = await Promise.all(
            jobs.map(async (j, i) => {
              const job = (await (await call(i + 2, j.user, `/api/jobs/${j.jobId}`)).json()) as {
                status: string;
              };
              return job.status;
            }),
          );
          return all.every((s) => s === 'completed' || s === 'failed') ? all : undefined;
        },
        JOBS * 20_000,
      );
      const started = logged('generation started');
      const perJob = jobs.map((j) => started.filter((l) => l.parsed!.jobId === j.jobId).length);
      const byHost = Array.from({ length: HOSTS }, (_, h) => started.filter((l) => l.host === h).length);
      console.log(
        `separate hosts: ${JOBS} jobs (each delivered twice) on ${HOSTS} processes → ` +
          `${statuses.filter((s) => s === 'completed').length} completed, generator runs ${started.length}, ` +
          `duplicates ${perJob.filter((n) => n > 1).length}, runs per host ${JSON.stringify(byHost)}`,
      );
      expect(statuses).toEqual(new Array(JOBS).fill('completed'));
      expect(perJob).toEqual(new Array(JOBS).fill(1));
    },
    JOBS * 30_000,
  );

  itWithRedis(
    'a cold route requested on every host at once costs at most one upstream call per key',
    async () => {
      const perKey: number[] = [];
      // Only direction calls count: a call the previous test's jobs still had in flight may land after
      // the reset (it once made the first key read 2).
      const routeCalls = () =>
        Object.entries(sandbox.stats.byPath())
          .filter(([path]) => path === '/v1/directions' || path.startsWith('/directions/v2'))
          .reduce((sum, [, count]) => sum + count, 0);
      const seen: Record<string, number>[] = [];
      for (let k = 0; k < COLD_KEYS; k++) {
        const from = `${(37.52 + k * 0.003 + Math.random() * 0.001).toFixed(5)},126.97`;
        const query = `/api/routes?from=${from}&to=37.5665,126.978&mode=car`;
        sandbox.stats.reset();
        const responses = await Promise.all(
          Array.from({ length: HOSTS * 5 }, async (_, i) => call(i, `stampede-${i}`, query)),
        );
        expect(responses.map((r) => r.status)).toEqual(new Array(HOSTS * 5).fill(200));
        perKey.push(routeCalls());
        seen.push(sandbox.stats.byPath());
      }
      console.log(
        `separate hosts: ${HOSTS * 5} concurrent requests per cold key on ${HOSTS} processes → upstream calls per key ${JSON.stringify(perKey)}`,
      );
      for (const [k, calls] of perKey.entries())
        expect(calls, `upstream requests by path: ${JSON.stringify(seen[k])}`).toBeLessThanOrEqual(1);
    },
  );

  itWithRedis(
    'a job event published on one host reaches an SSE client connected to another',
    async () => {
      const user = 'sse-fleet';
      const created = await call(0, user, '/api/trips', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sampleTrip()),
      });
      const { id: tripId } = (await created.json()) as { id: string };
      // Streams on every host, opened before the job exists on any worker.
      const submitted = await call(0, user, `/api/trips/${tripId}/itinerary-jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ options: { useLlm: false } }),
      });
      const { jobId } = (await submitted.json()) as { jobId: string };
      const streams = await Promise.all(
        hosts.urls.map(async (_, h) => {
          const response = await call(h, user, `/api/jobs/${jobId}/events`);
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          let text = '';
          while (!/"status":"(completed|failed)"/.test(text)) {
            const { value, done } = await reader.read();
            if (done) break;
            text += value;
          }
          await reader.cancel();
          return {
            host: h,
            events: (text.match(/^data:/gm) ?? []).length,
            completed: /"status":"completed"/.test(text),
          };
        }),
      );
      const generatedOn = logged('generation started').find((l) => l.parsed!.jobId === jobId)?.host;
      console.log(
        `separate hosts: job generated on host ${generatedOn}; SSE events received per host ${JSON.stringify(streams.map((s) => s.events))}`,
      );
      expect(streams.every((s) => s.completed)).toBe(true);
      expect(streams.filter((s) => s.host !== generatedOn).length).toBeGreaterThanOrEqual(1);
    },
    60_000,
  );

  itWithRedis(
    'the warmer runs once per schedule across the hosts',
    async () => {
      // Every firing on every host logs one line: `warmer run` or `warmer skipped`. Firings of one
      // schedule happen within a moment of each other; group them and count the runs in each.
      await waitFor(
        'three warmer schedules',
        async () => (firings().length >= 3 ? true : undefined),
        (3 + 2) * WARMER_EVERY_S * 1000,
      );
      const groups = firings();
      const runsPerSchedule = groups.map((g) => g.filter((l) => l.parsed!.msg === 'warmer run').length);
      console.log(
        `separate hosts: ${groups.length} warmer schedules on ${HOSTS} processes → runs per schedule ${JSON.stringify(runsPerSchedule)}`,
      );
      for (const runs of runsPerSchedule) expect(runs).toBeLessThanOrEqual(1);
    },
    60_000,
  );

  /** Warmer log lines grouped by schedule (lines less than half a period apart belong together). */
  function firings() {
    const lines = [
      ...logged('warmer run'),
      ...logged('warmer skipped: another instance holds the lock'),
    ].sort((a, b) => a.at - b.at);
    const groups: (typeof lines)[] = [];
    for (const line of lines) {
      const last = groups.at(-1);
      if (last && line.at - last[0]!.at < (WARMER_EVERY_S * 1000) / 2) last.push(line);
      else groups.push([line]);
    }
    // The last group may still be filling.
    return groups.filter((g) => g.length >= HOSTS || g !== groups.at(-1));
  }
});

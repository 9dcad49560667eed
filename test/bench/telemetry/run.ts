/**
 * Telemetry overhead benchmark: `npm run bench:telemetry`, which compiles the app and this benchmark
 * with tsc (`tsconfig.bench.json`, into `.bench-build/`) and runs the JavaScript, as the Functions host
 * runs tsc's output; `npx tsx test/bench/telemetry/run.ts` runs the sources.
 *
 * GET /api/places/search through the local host (the same function file and HTTP path `npm start`
 * serves) against the sandbox upstream with no added latency, so the overhead is as visible as it
 * gets. Each side is an app process of its own (`appProcess.ts`), set up once as production starts
 * (telemetry before the function files); this process only sends requests and hosts the sandbox
 * upstream, as clients and upstreams are elsewhere in production. Four sides: OFF (no SDK: the
 * OpenTelemetry API is a no-op), ALS (no SDK, but a second AsyncLocalStorage in use, which on Node 20
 * is a hook on every promise: a control; the SDK's context manager is the one the request budget
 * already uses), ON (telemetry as `npm start`
 * runs it: the local host records a span per invocation in the app's process) and WORKER (telemetry as
 * an Azure worker runs it: the Functions host, a process of its own there, records the request span).
 * Exporters are in-memory behind batch processors. Rounds go to the sides in the order
 * OFF ALS ON WORKER WORKER ON ALS OFF …, so drift on a shared machine hits every side alike. Each
 * round warms up first (discarded), then sends cold searches (cache miss → an upstream call) and warm
 * ones (L1 hit), one at a time, and reads the CPU time the app process spent on them. Figures: per
 * side, p50 / p99 of all its rounds' requests pooled (the note adds the median over its rounds of each
 * round's own quantile) and the median over rounds of CPU per request; target ON/OFF ≤ 1.10 for p50
 * and p99 (exit code 1 when missed).
 * The ALS side doubles as a control: ALS/OFF is what the machine's noise alone does.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { issueLocalToken } from '../../../src/shared/auth/issueLocalToken.js';
import { sandboxEnv } from '../../support/sandboxEnv.js';
import { median } from '../hotpath/stats.js';
import { printResults, type ResultRow } from '../places/printResults.js';
import { quantile, runConcurrently } from '../places/runConcurrently.js';
import { distinctSearches, seededRandom } from '../places/zipfWorkload.js';
import type { BenchSide } from './appProcess.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const COLD_PER_ROUND = 200;
const WARM_PER_ROUND = 1_000;
const WARM_UP = 20;
const TARGET = 1.1;
const SECRET = 'telemetry-bench-secret-long-enough-for-hs256';

const sandbox = await startSandbox();
const env = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  AUTH_LOCAL_SECRET: SECRET,
  LOG_LEVEL: 'error',
  ...sandboxEnv(sandbox),
  // One bench user makes thousands of cold searches a minute; the per-user cost limit is not measured here.
  UPSTREAM_CALLS_PER_USER_MINUTE: '1000000',
};
// BENCH_APP_PROFILE=<dir>: CPU profiles of the app processes (node --cpu-prof), to see where they spend.
const profile = process.env.BENCH_APP_PROFILE;

interface AppProcess {
  url: string;
  /** Ask the process something over IPC and wait for its answer. */
  ask<T>(message: object): Promise<T>;
  stop(): Promise<void>;
}

/** One app process serving `side` for the whole run. */
async function startApp(side: BenchSide): Promise<AppProcess> {
  // The compiled copy forks compiled JavaScript; the sources (`npx tsx …/run.ts`) fork through tsx.
  const ext = path.extname(import.meta.filename);
  const child = fork(path.join(import.meta.dirname, `appProcess${ext}`), {
    execArgv: [
      ...(ext === '.ts' ? ['--import', 'tsx'] : []),
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ],
  });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (answer) => resolve(answer as T));
      child.send(message);
    });
  // The child says when it listens: a message sent before that would be lost.
  await new Promise((resolve) => child.once('message', resolve));
  const { url } = await ask<{ url: string }>({ env, side });
  return {
    url,
    ask,
    async stop() {
      child.send({ stop: true });
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

const token = await issueLocalToken({
  secret: SECRET,
  issuer: 'tripgen-local',
  audience: 'tripgen-api',
  userId: 'bench',
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const SIDES: readonly BenchSide[] = ['off', 'als', 'on', 'worker'];
const apps = Object.fromEntries(
  await Promise.all(SIDES.map(async (side) => [side, await startApp(side)] as const)),
) as Record<BenchSide, AppProcess>;
/** One GET over node:http with a kept-alive connection. */
async function search(url: string, query: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = http.get(
      `${url}/api/places/search?${query}`,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`search answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
  });
}

/** Distinct searches; a radius salt per call site keeps every set disjoint from the others (all misses). */
function searches(count: number, salt: number): string[] {
  return distinctSearches(count, seededRandom(1_000 + salt), salt + 1).map((p) =>
    new URLSearchParams({
      query: p.query!,
      lat: String(p.lat),
      lng: String(p.lng),
      radius: String(p.radius),
    }).toString(),
  );
}

type Side = BenchSide;
/**
 * OFF, ALS, ON, WORKER, WORKER, ON, ALS, OFF, …: every side sees early and late rounds alike.
 * `BENCH_SIDES=on` (or another list) runs only those, e.g. to profile one with `BENCH_APP_PROFILE`.
 */
const ORDER: readonly Side[] = process.env.BENCH_SIDES
  ? (process.env.BENCH_SIDES.split(',') as Side[])
  : ['off', 'als', 'on', 'worker', 'worker', 'on', 'als', 'off'];
/** Per side and kind: each round's p50, p99 and CPU per request, and every request's latency pooled. */
interface RoundFigures {
  p50: number[];
  p99: number[];
  cpu: number[];
  pooled: number[];
}
type Figures = Record<'cold' | 'warm', RoundFigures>;
const roundFigures = (): RoundFigures => ({ p50: [], p99: [], cpu: [], pooled: [] });
const figures = (): Figures => ({ cold: roundFigures(), warm: roundFigures() });
/** CPU time an app process has used so far, ms. */
const appCpu = async (side: Side) => (await apps[side].ask<{ cpuMs: number }>({ cpu: true })).cpuMs;
const perRound: Record<Side, Figures> = {
  off: figures(),
  als: figures(),
  on: figures(),
  worker: figures(),
};

for (let round = 0; round < ROUNDS * ORDER.length; round++) {
  const side = ORDER[round % ORDER.length]!;
  const url = apps[side].url;
  const warmUp = searches(WARM_UP, 500 + round);
  await runConcurrently(WARM_UP * 6, 1, (i) => search(url, warmUp[i % WARM_UP]!));
  const queries = searches(COLD_PER_ROUND, round);
  const cpu0 = await appCpu(side);
  const cold = await runConcurrently(queries.length, 1, (i) => search(url, queries[i]!));
  const cpu1 = await appCpu(side);
  const warm = await runConcurrently(WARM_PER_ROUND, 1, (i) => search(url, queries[i % queries.length]!));
  const cpu2 = await appCpu(side);
  for (const [kind, samples, cpuMs] of [
    ['cold', cold, cpu1 - cpu0],
    ['warm', warm, cpu2 - cpu1],
  ] as const) {
    const mine = perRound[side][kind];
    mine.p50.push(quantile(samples, 0.5));
    mine.p99.push(quantile(samples, 0.99));
    mine.cpu.push(cpuMs / samples.length);
    mine.pooled.push(...samples);
  }
}
const exported = (await apps.on.ask<{ spans: number }>({ spans: true })).spans;
const exportedByWorker = (await apps.worker.ask<{ spans: number }>({ spans: true })).spans;
await Promise.all(SIDES.map((side) => apps[side].stop()));
agent.destroy();
await sandbox.close();

console.log(
  '== Telemetry overhead benchmark: GET /api/places/search via the local host, sandbox upstream ==',
);
console.log(
  `${ROUNDS} rounds per side (${ORDER.join(' ')} …); per round ${WARM_UP * 6} warm-up requests, then ` +
    `${COLD_PER_ROUND} cold + ${WARM_PER_ROUND} warm searches, one at a time; ` +
    `ON exported ${exported} spans, WORKER ${exportedByWorker}`,
);
console.log(
  "Latencies: quantiles of every round's requests pooled per side (the note adds the median over a side's " +
    "rounds of each round's own quantile); CPU: median over rounds. ALS = no SDK, a second AsyncLocalStorage " +
    'in use (a control: ALS/OFF shows what that and the noise of the machine do).',
);
const rows: ResultRow[] = [];
let pass = true;
const ms = (v: number) => `${v.toFixed(3)} ms`;
for (const kind of ['cold', 'warm'] as const) {
  for (const q of ['p50', 'p99', 'cpu'] as const) {
    const figure = (side: Side) =>
      q === 'cpu'
        ? median(perRound[side][kind].cpu)
        : quantile(perRound[side][kind].pooled, q === 'p50' ? 0.5 : 0.99);
    const byRound = (side: Side) => median(perRound[side][kind][q]);
    const off = figure('off');
    const target = q !== 'cpu';
    for (const [label, side] of [
      ['local host (span per invocation)', 'on'],
      ['Azure worker (host records the request)', 'worker'],
    ] as const) {
      const value = figure(side);
      const ratio = value / off;
      if (target) pass &&= ratio <= TARGET;
      const rounds = target
        ? `; median of rounds: ×${(byRound(side) / byRound('off')).toFixed(3)}, als ×${(byRound('als') / byRound('off')).toFixed(3)}`
        : '';
      rows.push({
        figure: `${kind} ${q === 'cpu' ? 'app CPU/request' : q}, ${label}`,
        measured: `off ${ms(off)}, on ${ms(value)}: ×${ratio.toFixed(3)}`,
        ...(target ? { target: `≤ ×${TARGET}`, pass: ratio <= TARGET } : {}),
        note: `noise floor: als ×${(figure('als') / off).toFixed(3)} of off${rounds}`,
      });
    }
  }
}
printResults(rows);
process.exitCode = pass ? 0 : 1;

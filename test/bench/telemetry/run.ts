/**
 * Telemetry overhead benchmark: `npm run bench:telemetry`.
 *
 * GET /api/places/search through the local host (the same function file and HTTP path `npm start`
 * serves) against the sandbox upstream with no added latency, so the overhead is as visible as it
 * gets. The app runs in a process of its own (`appProcess.ts`); this process only sends requests and
 * hosts the sandbox upstream, as clients and upstreams are elsewhere in production. Rounds switch the
 * app's telemetry OFF (no SDK: the OpenTelemetry API is a no-op) and ON (the app's startTelemetry as
 * `npm start` runs it, with in-memory exporters behind batch processors), in the order OFF ON ON OFF …
 * so drift on a shared machine hits both sides alike. Each round warms up first (discarded), then
 * sends cold searches (cache miss → an upstream call) and warm ones (L1 hit), one at a time.
 * Figures: per side, the median over rounds of each round's p50 / p99; target ON/OFF ≤ 1.10 (exit
 * code 1 when missed).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { issueLocalToken } from '../../../src/shared/auth/issueLocalToken.js';
import { median } from '../hotpath/stats.js';
import { printResults, type ResultRow } from '../places/printResults.js';
import { quantile, runConcurrently } from '../places/runConcurrently.js';
import { distinctSearches, seededRandom } from '../places/zipfWorkload.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const COLD_PER_ROUND = 100;
const WARM_PER_ROUND = 1_000;
const WARM_UP = 20;
const TARGET = 1.1;
const SECRET = 'telemetry-bench-secret-long-enough-for-hs256';

const sandbox = await startSandbox();
const env = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  AUTH_LOCAL_SECRET: SECRET,
  LOG_LEVEL: 'error',
  KAKAO_REST_API_KEY: sandbox.kakaoKey,
  GOOGLE_MAPS_API_KEY: sandbox.googleKey,
  KAKAO_LOCAL_BASE_URL: sandbox.url,
  KAKAO_MOBILITY_BASE_URL: sandbox.url,
  GOOGLE_PLACES_BASE_URL: sandbox.url,
  GOOGLE_ROUTES_BASE_URL: sandbox.url,
  SANDBOX_UPSTREAM: 'true',
};
const child = fork(path.join(import.meta.dirname, 'appProcess.ts'), { execArgv: ['--import', 'tsx', ...(process.env.XP_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.XP_PROF] : [])] });
const reply = <T>(message: object) =>
  new Promise<T>((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });
// The child says when it listens: a message sent before that would be lost.
await new Promise((resolve) => child.once('message', resolve));
const { url } = await reply<{ url: string }>({ env });
const token = await issueLocalToken({
  secret: SECRET,
  issuer: 'tripgen-local',
  audience: 'tripgen-api',
  userId: 'bench',
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** One GET over node:http with a kept-alive connection. */
async function search(query: string): Promise<void> {
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

type Side = 'off' | 'on';
type Figures = Record<'cold' | 'warm', { p50: number[]; p99: number[]; cpu: number[] }>;
const figures = (): Figures => ({ cold: { p50: [], p99: [], cpu: [] }, warm: { p50: [], p99: [], cpu: [] } });
/** CPU time the app process has used so far, ms. */
const appCpu = async () => (await reply<{ cpuMs: number }>({ cpu: true })).cpuMs;
const perRound: Record<Side, Figures> = { off: figures(), on: figures() };
let exported = 0;

for (let round = 0; round < ROUNDS * 2; round++) {
  const side: Side = (process.env.XP_SIDE as Side | undefined) ?? ((round + 1) % 4 < 2 ? 'off' : 'on');
  exported += (await reply<{ spans: number }>({ telemetry: side === 'on' })).spans;
  const warmUp = searches(WARM_UP, 500 + round);
  await runConcurrently(WARM_UP * 6, 1, (i) => search(warmUp[i % WARM_UP]!));
  const queries = searches(COLD_PER_ROUND, round);
  const cpu0 = await appCpu();
  const cold = await runConcurrently(queries.length, 1, (i) => search(queries[i]!));
  const cpu1 = await appCpu();
  const warm = await runConcurrently(WARM_PER_ROUND, 1, (i) => search(queries[i % queries.length]!));
  const cpu2 = await appCpu();
  for (const [kind, samples, cpuMs] of [
    ['cold', cold, cpu1 - cpu0],
    ['warm', warm, cpu2 - cpu1],
  ] as const) {
    perRound[side][kind].p50.push(quantile(samples, 0.5));
    perRound[side][kind].p99.push(quantile(samples, 0.99));
    perRound[side][kind].cpu.push(cpuMs / samples.length);
  }
}
exported += (await reply<{ spans: number }>({ telemetry: false })).spans;
child.send({ stop: true });
await new Promise((resolve) => child.once('exit', resolve));
agent.destroy();
await sandbox.close();

console.log(
  '== Telemetry overhead benchmark: GET /api/places/search via the local host, sandbox upstream ==',
);
console.log(
  `${ROUNDS} rounds per side (OFF ON ON OFF …); per round ${WARM_UP * 6} warm-up requests, then ` +
    `${COLD_PER_ROUND} cold + ${WARM_PER_ROUND} warm searches, one at a time; ON exported ${exported} spans`,
);
const rows: ResultRow[] = [];
let pass = true;
for (const kind of ['cold', 'warm'] as const) {
  for (const q of ['p50', 'p99'] as const) {
    const off = median(perRound.off[kind][q]);
    const on = median(perRound.on[kind][q]);
    const ratio = on / off;
    pass &&= ratio <= TARGET;
    rows.push({
      figure: `${kind} search ${q}`,
      measured: `off ${off.toFixed(3)} ms, on ${on.toFixed(3)} ms, ×${ratio.toFixed(3)}`,
      target: `≤ ×${TARGET}`,
      pass: ratio <= TARGET,
      note: 'median over rounds',
    });
  }
  const off = median(perRound.off[kind].cpu);
  const on = median(perRound.on[kind].cpu);
  rows.push({
    figure: `${kind} search app CPU`,
    measured: `off ${off.toFixed(3)} ms, on ${on.toFixed(3)} ms, ×${(on / off).toFixed(3)}`,
    note: 'app process CPU per request; steadier than latency on a busy machine',
  });
}
printResults(rows);
process.exitCode = pass ? 0 : 1;

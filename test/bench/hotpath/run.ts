/**
 * `npm run bench:hotpath`: the three hot paths (cached REST place search, MCP search_places on a cache
 * hit, 28 KB itinerary read) through the local host against Azurite, redis-server and the sandbox, each
 * next to a bare `node:http` server returning the very same bytes, alternated in one run: app, bare,
 * app, bare… at 50 and 200 concurrent, 3 repeats, with autocannon in its own process on loopback.
 * Ratios are taken per repeat (same moment, same machine load) and the median printed. Then the app's
 * own server time (Server-Timing `app;dur`) one request at a time, and the recovery time after a 10 s
 * sandbox outage. Figures are printed; nothing is asserted (the machine is shared and noisy).
 * `HOTPATH_SECONDS` sets each load run's length (default 4); `HOTPATH_ONLY=mcp` runs only the paths
 * whose name contains that word (no recovery part), e.g. under `node --cpu-prof`.
 *
 * `npm run bench:hotpath` compiles the app and this bench with tsc into `.bench-build/` and runs that:
 * the Functions host runs tsc's output, while tsx's transform (`keepNames`) wraps every function
 * created per request in a `__name` call the deployed code does not make. `npx tsx
 * test/bench/hotpath/run.ts` runs the sources as they are.
 */
import { type CapturedResponse, startBareServer } from './bareServer.js';
import { startBenchStack } from './benchStack.js';
import { type HotPath, hotPaths } from './hotPaths.js';
import { measureRecovery } from './measureRecovery.js';
import { rawRequest, serverTimingMs } from './rawRequest.js';
import { type LoadFigures, runLoad } from './runLoad.js';
import { median, percentile } from './stats.js';

const SECONDS = Number(process.env.HOTPATH_SECONDS ?? 4);
const REPEATS = 3;
const CONCURRENCY = [50, 200];
const TIMING_SAMPLES = 1_000;
const OUTAGE_MS = 10_000;

const stack = await startBenchStack();
const only = process.env.HOTPATH_ONLY?.toLowerCase();
const paths = (await hotPaths(stack)).filter((p) => !only || p.name.toLowerCase().includes(only));
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

console.log(`== Hot path benchmark: local host + Azurite + ${stack.redisDescription} + sandbox ==`);
console.log(
  `${SECONDS} s per load run, ${REPEATS} repeats, app and bare alternated; latencies in ms (autocannon, 1 ms resolution)\n`,
);

const summary: string[] = [];
for (const path of paths) {
  const captured = await capture(path);
  const bare = await startBareServer(captured);
  console.log(
    `-- ${path.name}: ${path.request.method} ${path.request.path.split('?')[0]} → ${captured.status}, ${captured.body.byteLength} bytes`,
  );
  if (path.allFields) {
    const all = await capture({ name: `${path.name} (all fields)`, request: path.allFields });
    console.log(
      `   result size: default ${captured.body.byteLength} bytes, with every optional field ${all.body.byteLength} bytes`,
    );
  }
  for (const connections of CONCURRENCY) {
    await runLoad(stack.url, path.request, connections, 1); // warm-up (JIT, sockets), not counted
    const app: LoadFigures[] = [];
    const base: LoadFigures[] = [];
    for (let r = 0; r < REPEATS; r++) {
      app.push(await runLoad(stack.url, path.request, connections, SECONDS));
      base.push(await runLoad(bare.url, path.request, connections, SECONDS));
    }
    const rpsRatio = median(app.map((a, i) => a.rps / base[i]!.rps));
    const p99Ratio = median(app.map((a, i) => a.p99 / Math.max(1, base[i]!.p99)));
    const failed = app.reduce((n, a) => n + a.failed, 0);
    const line =
      `   c=${String(connections).padStart(3)}  app p50 ${f1(median(app.map((a) => a.p50)))} p99 ${f1(median(app.map((a) => a.p99)))} ` +
      `${Math.round(median(app.map((a) => a.rps)))} req/s | bare p50 ${f1(median(base.map((b) => b.p50)))} p99 ${f1(median(base.map((b) => b.p99)))} ` +
      `${Math.round(median(base.map((b) => b.rps)))} req/s | throughput ${f2(rpsRatio)}×, p99 ${f2(p99Ratio)}× bare` +
      (failed ? `  (${failed} app requests failed)` : '');
    console.log(line);
    const cpu = (list: LoadFigures[]) => Math.round(median(list.map((l) => l.cpuUsPerRequest)));
    console.log(
      `          server CPU per request: app ${cpu(app)} µs, bare ${cpu(base)} µs (${f2(cpu(app) / cpu(base))}×)`,
    );
    const share = (list: LoadFigures[]) => f2(median(list.map((l) => l.clientCoreShare)));
    console.log(
      `          load client CPU (share of one core over the run): with app ${share(app)}, with bare ${share(base)}`,
    );
    console.log(
      `          per repeat: app req/s ${app.map((a) => Math.round(a.rps)).join(', ')}; bare req/s ${base.map((b) => Math.round(b.rps)).join(', ')}`,
    );
    summary.push(`${path.name} c=${connections}: throughput ${f2(rpsRatio)}×, p99 ${f2(p99Ratio)}×`);
  }
  const timings = await serverTimes(path);
  console.log(
    `   server time (app handler, one request at a time, ${TIMING_SAMPLES}): p50 ${f2(percentile(timings, 50))} ms, p99 ${f2(percentile(timings, 99))} ms\n`,
  );
  summary.push(`${path.name}: server time p50 ${f2(percentile(timings, 50))} ms`);
  await bare.close();
}

if (only) {
  await stack.stop();
  process.exit(0);
}
console.log(`-- recovery: sandbox answers 503 for ${OUTAGE_MS / 1000} s while uncached searches keep coming`);
const recovery = await measureRecovery(stack.url, stack.token, stack.sandbox, OUTAGE_MS);
console.log(`   during the outage: ${JSON.stringify(recovery.duringOutage)}`);
const recovered =
  recovery.recoverySeconds === undefined
    ? 'none within 75 s'
    : `${f2(recovery.recoverySeconds)} s after the upstream recovered (${recovery.failedAfter} failed after it)`;
console.log(`   first successful uncached search: ${recovered}\n`);
summary.push(`recovery: ${recovered}`);

console.log('== Summary (medians of the per-repeat ratios to the bare server) ==');
for (const line of summary) console.log(`   ${line}`);
await stack.stop();
process.exit(0);

/** The app's answer once it is warm (the cache filled), as the bare server will replay it. */
async function capture(path: HotPath): Promise<CapturedResponse> {
  await rawRequest(stack.url, path.request);
  const response = await rawRequest(stack.url, path.request);
  if (response.status !== 200)
    throw new Error(`${path.name}: ${response.status} ${response.body.toString()}`);
  return response;
}

async function serverTimes(path: HotPath): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < TIMING_SAMPLES; i++) {
    const ms = serverTimingMs((await rawRequest(stack.url, path.request)).headers);
    if (ms !== undefined) times.push(ms);
  }
  return times;
}

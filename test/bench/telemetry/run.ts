/**
 * Telemetry overhead benchmark: `npm run bench:telemetry`.
 *
 * GET /api/places/search through the local host (the same function file and HTTP path `npm start`
 * serves) against the sandbox upstream with no added latency, so the overhead is as visible as it
 * gets. Rounds alternate telemetry OFF (no SDK: the OpenTelemetry API is a no-op) and ON (the app's
 * startTelemetry as `npm start` runs it, invocation spans and undici instrumentation included, with
 * in-memory span, metric and log exporters behind batch processors, as the Azure Monitor distro has), so drift on a shared machine hits both sides alike.
 * Per round: cold searches (cache miss → an upstream call) and warm ones (L1 hit), one at a time.
 * Prints p50/p99 per side and the ON/OFF ratio; target: within 10 % (exit code 1 when missed).
 */
import http from 'node:http';
import path from 'node:path';

import { BatchLogRecordProcessor, InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';

import { createLocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { setAppContext } from '../../../src/shared/app/appContextHolder.js';
import { buildAppContext } from '../../../src/shared/app/buildAppContext.js';
import { issueLocalToken } from '../../../src/shared/auth/issueLocalToken.js';
import { startTelemetry, type TelemetryHandle } from '../../../src/shared/telemetry/otel/startTelemetry.js';
import { printResults, type ResultRow } from '../places/printResults.js';
import { quantile, runConcurrently } from '../places/runConcurrently.js';
import { distinctSearches, seededRandom } from '../places/zipfWorkload.js';

const ROUNDS = 10;
const COLD_PER_ROUND = 60;
const WARM_PER_ROUND = 400;
const TARGET = 1.1;
const SECRET = 'telemetry-bench-secret-long-enough-for-hs256';
const ROOT = path.resolve(import.meta.dirname, '../../..');

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
const app = await buildAppContext(env);
setAppContext(app);
const host = createLocalHost({
  functionFiles: [path.join(ROOT, 'src/functions/appSetup.ts'), path.join(ROOT, 'src/functions/places.ts')],
  cwd: ROOT,
  port: 0,
  env,
  logger: memoryHostLogger(),
  printFunctions: false,
});
const { url } = await host.start();
const token = await issueLocalToken({
  secret: SECRET,
  issuer: 'tripgen-local',
  audience: 'tripgen-api',
  userId: 'bench',
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let exported = 0;
async function telemetryOn(): Promise<{
  handle: TelemetryHandle;
  spans: InMemorySpanExporter;
  batch: BatchSpanProcessor;
}> {
  // New exporters each round: shutting the SDK down also stops its exporters.
  const spans = new InMemorySpanExporter();
  const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const batch = new BatchSpanProcessor(spans);
  const handle = await startTelemetry({
    env: {},
    invocationSpans: true,
    pipelines: {
      spanProcessors: [batch],
      metricReaders: [new PeriodicExportingMetricReader({ exporter: metrics, exportIntervalMillis: 60_000 })],
      logRecordProcessors: [new BatchLogRecordProcessor({ exporter: new InMemoryLogRecordExporter() })],
    },
  });
  return { handle, spans, batch };
}

/** One GET over node:http: the benchmark's own requests stay out of the undici instrumentation. */
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

const samples = {
  off: { cold: [] as number[], warm: [] as number[] },
  on: { cold: [] as number[], warm: [] as number[] },
};
for (let round = 0; round < ROUNDS * 2; round++) {
  const side = round % 2 === 0 ? 'off' : 'on';
  const on = side === 'on' ? await telemetryOn() : undefined;
  // A radius salt per round: every cold search of the round is a cache miss.
  const queries = distinctSearches(COLD_PER_ROUND, seededRandom(1_000 + round), round + 1).map((p) =>
    new URLSearchParams({
      query: p.query!,
      lat: String(p.lat),
      lng: String(p.lng),
      radius: String(p.radius),
    }).toString(),
  );
  samples[side].cold.push(...(await runConcurrently(queries.length, 1, (i) => search(queries[i]!))));
  samples[side].warm.push(
    ...(await runConcurrently(WARM_PER_ROUND, 1, (i) => search(queries[i % queries.length]!))),
  );
  if (on) {
    await on.batch.forceFlush();
    exported += on.spans.getFinishedSpans().length;
    await on.handle.shutdown();
  }
}
agent.destroy();
await host.stop();
await app.close();
await sandbox.close();

console.log(
  '== Telemetry overhead benchmark: GET /api/places/search via the local host, sandbox upstream ==',
);
console.log(
  `${ROUNDS} rounds per side, alternating OFF/ON; per round ${COLD_PER_ROUND} cold + ${WARM_PER_ROUND} warm searches, one at a time`,
);
console.log(`ON: ${exported} spans exported to memory`);
const rows: ResultRow[] = [];
let pass = true;
for (const kind of ['cold', 'warm'] as const) {
  for (const [q, label] of [
    [0.5, 'p50'],
    [0.99, 'p99'],
  ] as const) {
    const off = quantile(samples.off[kind], q);
    const on = quantile(samples.on[kind], q);
    const ratio = on / off;
    pass &&= ratio <= TARGET;
    rows.push({
      figure: `${kind} search ${label}`,
      measured: `off ${off.toFixed(2)} ms, on ${on.toFixed(2)} ms, ×${ratio.toFixed(3)}`,
      target: `≤ ×${TARGET}`,
      pass: ratio <= TARGET,
    });
  }
}
printResults(rows);
process.exitCode = pass ? 0 : 1;

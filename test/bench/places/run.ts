/**
 * Places cache benchmark: `npm run bench:places`.
 *
 * Against the sandbox upstream with 100 ms latency on every request, through the real
 * PlaceSearchService + TieredCache (L2 Redis from REDIS_URL or a started redis-server, else L1 only):
 * (1) hit ratio and upstream calls per request on a Zipf(s = 1) workload of 1,000 distinct searches ×
 * 20,000 requests at 50 concurrent; (2) warm p50/p99 next to a direct upstream call's; (3) 500
 * concurrent identical cold requests → upstream calls. Upstream calls are the sandbox's own request
 * count. The workload is generated from a fixed seed. Exit code 1 when a target is missed.
 */
import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { RedisCacheStore } from '../../../src/shared/cache/CacheStore.js';
import { createRedisConnection } from '../../../src/shared/cache/redisConnection.js';
import type { CacheOutcome } from '../../../src/shared/cache/TieredCache.js';
import type { PlaceSearchParams } from '../../../src/shared/places/placeSearchParams.js';
import { toPlaceQuery } from '../../../src/shared/places/toPlaceQuery.js';
import { sandboxPlaceServices } from '../../integration/places/sandboxPlaceServices.js';
import { benchRedis } from './benchRedis.js';
import { printResults, type ResultRow } from './printResults.js';
import { quantile, runConcurrently } from './runConcurrently.js';
import { distinctSearches, seededRandom, shuffledIndexes, zipfSampler } from './zipfWorkload.js';

const SEED = 20_251_121;
const DISTINCT = 1_000;
const REQUESTS = 20_000;
const CONCURRENCY = 50;
const ZIPF_S = 1.0;
const UPSTREAM_LATENCY_MS = 100;
const WARM_SAMPLES = 5_000;
const DIRECT_SAMPLES = 200;
const COLD_BURST = 500;

const started = performance.now();
const redis = await benchRedis();
const sandbox = await startSandbox();
sandbox.faults.add({ kind: 'latency', ms: UPSTREAM_LATENCY_MS });
const connection = (url: string) => createRedisConnection(url);
const redisA = redis.url ? connection(redis.url) : undefined;
const app = await sandboxPlaceServices(sandbox, { l2: redisA ? new RedisCacheStore(redisA) : undefined });
const search = app.places.search;
const salt = redis.shared ? (Date.now() % 997) + 1 : 0;

console.log('== Places cache benchmark (sandbox upstream) ==');
console.log(
  `upstream latency ${UPSTREAM_LATENCY_MS} ms on every request; L1 lru-cache 2,000 entries, 5-min ceiling`,
);
console.log(`L2: ${redis.description}`);
console.log(
  `workload: Zipf s=${ZIPF_S}, ${DISTINCT} distinct searches, ${REQUESTS} requests, ${CONCURRENCY} concurrent, seed ${SEED}${salt ? `, radius salt ${salt}` : ''}`,
);

// (1) Zipf workload
const random = seededRandom(SEED);
const searches = distinctSearches(DISTINCT, random, salt);
const popularity = shuffledIndexes(DISTINCT, random);
const draw = zipfSampler(DISTINCT, ZIPF_S, random);
const stream = Array.from({ length: REQUESTS }, () => popularity[draw()]!);
const drawn = new Set(stream);
const outcomes: Record<CacheOutcome, number> = { hit: 0, miss: 0, stale: 0 };
const empty = new Set<number>();
sandbox.stats.reset();
const zipfStarted = performance.now();
await runConcurrently(REQUESTS, CONCURRENCY, async (i) => {
  const result = await search.search(searches[stream[i]!]!, invocationSignal());
  outcomes[result.cache] += 1;
  if (result.places.length === 0) empty.add(stream[i]!);
});
const zipfSeconds = (performance.now() - zipfStarted) / 1000;
const zipfUpstream = sandbox.stats.requests();
const hitRatio = (outcomes.hit + outcomes.stale) / REQUESTS;
const bestHitRatio = 1 - drawn.size / REQUESTS;

// (2) warm latency (every key drawn in (1) is cached), one request at a time, next to direct upstream calls
sandbox.stats.reset();
const warmKeys = Array.from({ length: WARM_SAMPLES }, () => {
  let key: number;
  do key = popularity[draw()]!;
  while (!drawn.has(key));
  return key;
});
const warm = await runConcurrently(WARM_SAMPLES, 1, async (i) => {
  await search.search(searches[warmKeys[i]!]!, invocationSignal());
});
const warmUpstream = sandbox.stats.requests();
const direct = await runConcurrently(DIRECT_SAMPLES, 10, async (i) => {
  await directUpstreamCall(searches[(i * 7) % DISTINCT]!);
});

// (2b) a second instance sharing Redis: every drawn key once, from L2
let l2: { hits: number; fromRedis: number; p50: number; p99: number; upstream: number } | undefined;
if (redis.url) {
  const redisB = connection(redis.url);
  const second = await sandboxPlaceServices(sandbox, { l2: new RedisCacheStore(redisB) });
  sandbox.stats.reset();
  const keys = [...drawn];
  let hits = 0;
  const times = await runConcurrently(keys.length, 1, async (i) => {
    if ((await second.places.search.search(searches[keys[i]!]!, invocationSignal())).cache === 'hit')
      hits += 1;
  });
  l2 = {
    hits: hits / keys.length,
    fromRedis: second.metrics.count('cache.hit.l2'),
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    upstream: sandbox.stats.requests(),
  };
  await second.close();
  redisB.disconnect();
}

// (3) 500 concurrent identical cold requests
const cold = { ...searches[0]!, query: 'palace', lat: 37.5796, lng: 126.977, radius: 19_999 - salt };
sandbox.stats.reset();
const burstStarted = performance.now();
const burst = await Promise.all(
  Array.from({ length: COLD_BURST }, () => search.search(cold, invocationSignal())),
);
const burstMs = performance.now() - burstStarted;
const burstUpstream = sandbox.stats.requests();

const warmP50 = quantile(warm, 0.5);
const warmP99 = quantile(warm, 0.99);
const directP50 = quantile(direct, 0.5);
const directP99 = quantile(direct, 0.99);
const ms = (v: number) => `${v.toFixed(v < 1 ? 3 : 1)} ms`;
const rows: ResultRow[] = [
  { figure: '(1) hit ratio', measured: hitRatio.toFixed(4), target: '≥ 0.95', pass: hitRatio >= 0.95 },
  {
    figure: '    best possible (1 − distinct drawn ÷ requests)',
    measured: `${bestHitRatio.toFixed(4)} (${drawn.size} of ${DISTINCT} keys drawn)`,
  },
  {
    figure: '    outcomes hit / miss / stale',
    measured: `${outcomes.hit} / ${outcomes.miss} / ${outcomes.stale}`,
  },
  {
    figure: '    upstream calls / request',
    measured: `${(zipfUpstream / REQUESTS).toFixed(4)} (${zipfUpstream} calls)`,
  },
  { figure: '    searches answered empty (negative TTL 60 s)', measured: `${empty.size}` },
  {
    figure: '    wall time',
    measured: `${zipfSeconds.toFixed(1)} s (${Math.round(REQUESTS / zipfSeconds)} req/s)`,
  },
  {
    figure: '(2) warm p50 / p99 (L1, one at a time)',
    measured: `${ms(warmP50)} / ${ms(warmP99)}`,
    note: `${warmUpstream} upstream calls`,
  },
  {
    figure: '    direct upstream call p50 / p99',
    measured: `${ms(directP50)} / ${ms(directP99)}`,
    note: `${DIRECT_SAMPLES} calls, no cache`,
  },
  {
    figure: '    warm p99 ÷ upstream p50',
    measured: `1/${Math.round(directP50 / warmP99)}`,
    target: '≤ 1/20',
    pass: warmP99 * 20 <= directP50,
  },
  {
    figure: '    warm p99 ÷ upstream p99',
    measured: `1/${Math.round(directP99 / warmP99)}`,
    target: '≤ 1/20',
    pass: warmP99 * 20 <= directP99,
  },
  ...(l2
    ? [
        {
          figure: '(2b) second instance, L2 only: hit ratio',
          measured: l2.hits.toFixed(4),
          note: `${l2.fromRedis} read from Redis, ${l2.upstream} upstream calls`,
        },
        { figure: '    L2 hit p50 / p99 (Redis get + gunzip)', measured: `${ms(l2.p50)} / ${ms(l2.p99)}` },
      ]
    : [{ figure: '(2b) L2', measured: 'not measured (no Redis)' }]),
  {
    figure: `(3) ${COLD_BURST} identical cold requests → upstream calls`,
    measured: String(burstUpstream),
    target: '1',
    pass: burstUpstream === 1,
  },
  {
    figure: '    outcomes miss / hit',
    measured: `${burst.filter((r) => r.cache === 'miss').length} / ${burst.filter((r) => r.cache === 'hit').length}`,
    note: `${burstMs.toFixed(0)} ms for the burst`,
  },
];
printResults(rows);
console.log(
  `\nA hit ratio cannot exceed 1 − (distinct keys drawn ÷ requests): each key's first request must miss. ` +
    `With ${drawn.size} of ${DISTINCT} keys drawn in ${REQUESTS} requests that bound is ${bestHitRatio.toFixed(4)}; ` +
    `it is 0.95 exactly only when all ${DISTINCT} occur. Requests that wait on an in-flight load (single flight) count as hits: ` +
    `they cause no upstream call.`,
);
console.log(`total wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (rows.some((r) => r.pass === false)) process.exitCode = 1;

await app.close();
redisA?.disconnect();
await sandbox.close();
await redis.stop();

/** Each HTTP invocation passes its own signal down (an undefined one shares cockatiel's, and warns past 10). */
function invocationSignal(): AbortSignal {
  return new AbortController().signal;
}

/** One provider call as the search service would make it, without the cache (its policy never trips here). */
async function directUpstreamCall(params: PlaceSearchParams): Promise<void> {
  const first = search.providersFor(params)[0];
  const provider = app.places.providers.placeSearch.find((p) => p.name === first);
  if (!provider) throw new Error(`no enabled provider for ${JSON.stringify(params)}`);
  await provider.search(toPlaceQuery(params), { page: 1 });
}

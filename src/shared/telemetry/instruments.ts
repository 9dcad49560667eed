import {
  type Attributes,
  type Counter,
  type Gauge,
  type Histogram,
  type MeterProvider,
  metrics,
  type ObservableCounter,
  type ObservableGauge,
  type ObservableResult,
} from '@opentelemetry/api';

import { CacheLookupTallies, type TallyReading } from './cacheLookupTallies.js';
import { INSTRUMENTATION_SCOPE, METRIC } from './telemetryNames.js';

/** The app's OpenTelemetry instruments (see `telemetryNames.ts` for what each one means). */
export interface Instruments {
  cacheHitRatio: ObservableGauge;
  cacheHits: ObservableCounter;
  cacheMisses: ObservableCounter;
  cacheStale: ObservableCounter;
  /** Where cache lookups are counted; the four cache instruments above read it at collection. */
  cacheLookups: CacheLookupTallies;
  externalApiLatency: Histogram;
  upstreamCalls: ObservableCounter;
  /** Where upstream calls are counted by their attributes; `upstreamCalls` reads it at collection. */
  upstreamCallTallies: Map<Attributes, number>;
  upstreamFailures: Counter;
  circuitState: Gauge;
  circuitStateChanges: Counter;
  jobDuration: Histogram;
  jobOutcomes: Counter;
  queueWaitTime: Histogram;
  generationTime: Histogram;
  plannerCpuTime: Histogram;
  warmerRefreshes: Counter;
  warmerBudgetUsed: Histogram;
  /** Any other in-process counter of `Metrics`, by name. */
  counter(name: string): Counter;
}

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The instruments of the current global MeterProvider. A meter taken before the SDK registers stays a
 * no-op for ever, so instruments are re-created whenever the global provider changes (start-up, tests);
 * cache lookups are then counted afresh.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) cached = { provider, instruments: create(provider) };
  return cached.instruments;
}

function create(provider: MeterProvider): Instruments {
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
  const ms = (name: string, description: string) => meter.createHistogram(name, { description, unit: 'ms' });
  const counters = new Map<string, Counter>();
  const cacheLookups = new CacheLookupTallies();
  const report = (readings: () => TallyReading[]) => (result: ObservableResult) => {
    for (const { value, attributes } of readings()) result.observe(value, attributes);
  };
  const cacheHitRatio = meter.createObservableGauge(METRIC.cacheHitRatio, {
    description: 'Share of cache lookups answered from cache over the last minute, 0..1',
  });
  cacheHitRatio.addCallback(report(() => cacheLookups.ratios(Date.now())));
  const cacheHits = meter.createObservableCounter(METRIC.cacheHits, {
    description: 'Cache hits by tier (l1, l2)',
  });
  cacheHits.addCallback(report(() => cacheLookups.hits()));
  const cacheMisses = meter.createObservableCounter(METRIC.cacheMisses, {
    description: 'Cache misses (upstream loads)',
  });
  cacheMisses.addCallback(report(() => cacheLookups.totals('misses')));
  const cacheStale = meter.createObservableCounter(METRIC.cacheStale, {
    description: 'Stale values served because the upstream failed',
  });
  cacheStale.addCallback(report(() => cacheLookups.totals('stale')));
  // Counted per call on the upstream path as a plain increment, keyed by attribute objects built once
  // per operation and outcome: a synchronous counter would hash its attributes on every `add`.
  const upstreamCallTallies = new Map<Attributes, number>();
  const upstreamCalls = meter.createObservableCounter(METRIC.upstreamCalls, {
    description: 'Upstream calls',
  });
  upstreamCalls.addCallback((result) => {
    for (const [attributes, value] of upstreamCallTallies) result.observe(value, attributes);
  });
  return {
    cacheHitRatio,
    cacheHits,
    cacheMisses,
    cacheStale,
    cacheLookups,
    externalApiLatency: ms(METRIC.externalApiLatency, 'Upstream call time, retries included'),
    upstreamCalls,
    upstreamCallTallies,
    upstreamFailures: meter.createCounter(METRIC.upstreamFailures, {
      description: 'Upstream calls that ended in an error, by error code',
    }),
    circuitState: meter.createGauge(METRIC.circuitState, {
      description: 'Circuit breaker state: 0 closed, 0.5 half-open, 1 open or isolated',
    }),
    circuitStateChanges: meter.createCounter(METRIC.circuitStateChanges, {
      description: 'Circuit breaker transitions, by the state entered',
    }),
    jobDuration: ms(METRIC.jobDuration, 'Itinerary job time by step and outcome'),
    jobOutcomes: meter.createCounter(METRIC.jobOutcomes, {
      description: 'Job deliveries by outcome (completed, failed, skipped, retry)',
    }),
    queueWaitTime: ms(METRIC.queueWaitTime, 'Time a job message waited in the queue'),
    generationTime: ms(METRIC.generationTime, 'Itinerary generation time (gather, plan, validate)'),
    plannerCpuTime: ms(METRIC.plannerCpuTime, 'Process CPU time spent while planning'),
    warmerRefreshes: meter.createCounter(METRIC.warmerRefreshes, {
      description: 'Cache entries refreshed ahead of expiry by the warmers',
    }),
    warmerBudgetUsed: meter.createHistogram(METRIC.warmerBudgetUsed, {
      description: 'Upstream calls a warmer run spent of its budget',
    }),
    counter(name) {
      let counter = counters.get(name);
      if (!counter) counters.set(name, (counter = meter.createCounter(name)));
      return counter;
    },
  };
}

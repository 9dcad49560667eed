/**
 * Names shared by every span, metric and log record the app emits, so dashboards, alerts and tests
 * agree on one spelling. Metric names follow the original design's monitoring section
 * (`cache_hit_ratio`, `external_api_latency`); attribute keys use the `tripgen.` namespace except
 * where OpenTelemetry has a semantic convention (`peer.service`, `error.type`).
 */
export const INSTRUMENTATION_SCOPE = 'tripgen';

export const ATTR = {
  provider: 'tripgen.provider',
  operation: 'tripgen.operation',
  retryCount: 'tripgen.retry_count',
  cacheOutcome: 'tripgen.cache_outcome',
  outcome: 'tripgen.outcome',
  jobId: 'tripgen.job_id',
  tripId: 'tripgen.trip_id',
  peerService: 'peer.service',
  errorType: 'error.type',
} as const;

export const METRIC = {
  cacheHitRatio: 'cache_hit_ratio',
  cacheHits: 'cache_hits',
  cacheMisses: 'cache_misses',
  cacheStale: 'cache_stale',
  externalApiLatency: 'external_api_latency',
  upstreamCalls: 'upstream_calls',
  upstreamFailures: 'upstream_failures',
  circuitState: 'circuit_state',
  circuitStateChanges: 'circuit_state_changes',
  jobDuration: 'job_duration',
  jobOutcomes: 'job_outcomes',
  queueWaitTime: 'queue_wait_time',
  generationTime: 'itinerary_generation_time',
  plannerCpuTime: 'planner_cpu_time',
  warmerRefreshes: 'warmer_refreshes',
  warmerBudgetUsed: 'warmer_budget_used',
} as const;

/** The cost limits of requests that reach the upstream map APIs (settings `UPSTREAM_*`, `MATRIX_*`). */
export interface CostLimits {
  /** Upstream calls one HTTP request may make, however many MCP calls its body batches. */
  readonly callsPerRequest: number;
  /** Upstream calls one user may make per minute, across all instances when Redis is configured. */
  readonly callsPerUserMinute: number;
  /** Matrix elements (origins × destinations) one matrix call may ask for. */
  readonly matrixElementsPerCall: number;
  /** Matrix elements one HTTP request may ask for, summed over the matrix calls of an MCP batch. */
  readonly matrixElementsPerRequest: number;
}

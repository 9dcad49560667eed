/**
 * The vocabulary shared by the routing solvers. Node 0 is the depot (the accommodation, or the
 * benchmark depot); a route lists the other nodes it visits in order and implicitly starts and ends
 * at node 0. Times and costs are in one abstract unit chosen by the caller (the planner uses whole
 * minutes; the benchmarks use the instance's own integers).
 */

/** `[earliest, latest]` start of service at a node. For the depot: `[departure, latest return]`. */
export type TimeWindow = readonly [earliest: number, latest: number];

/** Square matrix; `matrix[i][j]` = travel time (or cost) from i to j. `Infinity` forbids the arc. */
export type Matrix = ReadonlyArray<ReadonlyArray<number>>;

/** Tolerance for comparisons of accumulated times, so sums of decimals never flip feasibility. */
export const TIME_EPSILON = 1e-7;

/** One routing problem with time windows. */
export interface RoutingProblem {
  /** Travel times between nodes, depot included. */
  readonly travel: Matrix;
  /** One window per node. */
  readonly windows: readonly TimeWindow[];
  /** Service time per node (the depot's is ignored). */
  readonly service: readonly number[];
  /** What a route costs; defaults to `travel` (the "distance objective" of the TSPTW benchmarks). */
  readonly cost?: Matrix;
}

/** Read a matrix cell that the solver's own indices guarantee to exist. */
export function cell(matrix: Matrix, from: number, to: number): number {
  return matrix[from]![to]!;
}

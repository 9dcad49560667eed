import { cell, type RoutingProblem, TIME_EPSILON } from './routingProblem.js';

/** The timing of one route, as the TSPTW/OPTW benchmark semantics define it. */
export interface RouteSchedule {
  /** Every service starts inside its window and the depot is reached by its latest time. */
  readonly feasible: boolean;
  /** Sum of the cost matrix over the closed route (waiting not counted). */
  readonly cost: number;
  /** Start of service at each routed node, in route order. */
  readonly starts: number[];
  /** Arrival at each routed node (before any waiting), in route order. */
  readonly arrivals: number[];
  /** Arrival back at the depot. */
  readonly end: number;
  /** Sum of lateness past each latest start (0 when feasible); used to steer towards feasibility. */
  readonly lateness: number;
}

/**
 * Simulate a route: leave the depot at its earliest time, wait when early, serve, travel on.
 * Lateness is accumulated rather than stopping, so infeasible routes can be compared.
 */
export function scheduleRoute(problem: RoutingProblem, route: readonly number[]): RouteSchedule {
  const { travel, windows, service } = problem;
  const costMatrix = problem.cost ?? travel;
  const starts: number[] = [];
  const arrivals: number[] = [];
  let time = windows[0]![0];
  let cost = 0;
  let lateness = 0;
  let previous = 0;
  for (const node of route) {
    const arrival = time + cell(travel, previous, node);
    const [earliest, latest] = windows[node]!;
    const start = Math.max(arrival, earliest);
    if (start > latest + TIME_EPSILON) lateness += start - latest;
    arrivals.push(arrival);
    starts.push(start);
    cost += cell(costMatrix, previous, node);
    time = start + service[node]!;
    previous = node;
  }
  const end = time + cell(travel, previous, 0);
  cost += cell(costMatrix, previous, 0);
  if (end > windows[0]![1] + TIME_EPSILON) lateness += end - windows[0]![1];
  // NaN (an Infinity − Infinity somewhere) must never read as feasible.
  const feasible = lateness === 0 && Number.isFinite(end) && Number.isFinite(cost);
  return { feasible, cost, starts, arrivals, end, lateness: Number.isNaN(lateness) ? Infinity : lateness };
}

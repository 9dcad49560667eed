import type { RoutingProblem } from './routingProblem.js';
import { solveTsptwExact, type TsptwSolution } from './tsptwExact.js';
import { solveTsptwHeuristic, type TsptwHeuristicOptions } from './tsptwHeuristic.js';

export type { TsptwSolution } from './tsptwExact.js';

/** How `solveTsptw` searches. Every field has a default the planner uses. */
export interface SolveTsptwOptions extends Partial<TsptwHeuristicOptions> {
  /** Largest number of stops solved exactly by the subset DP (default 12). */
  readonly exactLimit?: number;
}

export const DEFAULT_TSPTW_OPTIONS = {
  exactLimit: 12,
  iterations: 300,
  maxLevel: 20,
  feasibilityIterations: 300,
  seed: 20_090_301,
} as const;

/**
 * Order every node of a TSP with time windows, starting and ending at node 0: exact dynamic
 * programming over subsets up to `exactLimit` stops, the GVNS of da Silva & Urrutia beyond. This is
 * the one ordering solver: the day planner, the validator's optimum and the benchmark all call it.
 * When the DP proves no order is feasible, the heuristic still returns its least-late order, marked
 * infeasible, so a caller can repair.
 */
export function solveTsptw(problem: RoutingProblem, options: SolveTsptwOptions = {}): TsptwSolution {
  const settings = { ...DEFAULT_TSPTW_OPTIONS, ...options };
  const stops = problem.windows.length - 1;
  if (stops <= settings.exactLimit) {
    const exact = solveTsptwExact(problem);
    // The DP knows only time windows; a caller's extra constraint may still reject its optimum.
    if (exact.feasible && (options.extraCheck === undefined || options.extraCheck(exact.route))) return exact;
  }
  return solveTsptwHeuristic(problem, settings);
}

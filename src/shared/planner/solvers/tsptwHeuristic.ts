import { deadline } from './deadline.js';
import type { RoutingProblem } from './routingProblem.js';
import { SeededRandom } from './seededRandom.js';
import { TourSearch } from './TourSearch.js';
import type { TsptwSolution } from './tsptwExact.js';

/** Budget of the heuristic. Iteration counts keep it deterministic; the time limit is a safety net. */
export interface TsptwHeuristicOptions {
  /** Shakes in the optimisation phase. */
  readonly iterations: number;
  /** Largest shaking level (random moves per shake). */
  readonly maxLevel: number;
  /** Perturbations tried while looking for a first feasible route. */
  readonly feasibilityIterations: number;
  readonly seed: number;
  /** Wall-clock cap in milliseconds (makes results depend on the machine; leave unset in the planner). */
  readonly timeLimitMs?: number;
  /** Extra route-level constraint every accepted route must pass. */
  readonly extraCheck?: (route: readonly number[]) => boolean;
  /** A start route (e.g. from the orienteering step); sorted by deadline when absent. */
  readonly initialRoute?: readonly number[];
}

/**
 * General VNS for the TSPTW (da Silva & Urrutia, "A General VNS heuristic for the traveling salesman
 * problem with time windows", Discrete Optimization 7, 2010): a VNS that minimises total lateness
 * until a feasible route is found, then a GVNS that shakes with random feasible 1-shift moves and
 * descends with Or-opt and 2-opt, accepting only improvements.
 */
export function solveTsptwHeuristic(problem: RoutingProblem, options: TsptwHeuristicOptions): TsptwSolution {
  const search = new TourSearch(problem, options.extraCheck);
  const random = new SeededRandom(options.seed);
  const timeUp = deadline(options.timeLimitMs);
  const customers = problem.windows.length - 1;
  const initial = options.initialRoute ? [...options.initialRoute] : byDeadline(problem, customers);

  const feasible = findFeasible(search, initial, options, random, timeUp);
  if (!search.isFeasible(feasible))
    return { route: feasible, cost: search.cost(feasible), feasible: false, exact: false };

  let current = search.descend(feasible);
  let currentCost = search.cost(current);
  let iteration = 0;
  while (iteration < options.iterations && !timeUp()) {
    for (let level = 1; level <= options.maxLevel && iteration < options.iterations;) {
      iteration++;
      const candidate = search.descend(search.shake(current, level, random));
      const candidateCost = search.cost(candidate);
      if (candidateCost < currentCost - 1e-9) {
        current = candidate;
        currentCost = candidateCost;
        level = 1;
      } else {
        level++;
      }
    }
  }
  return { route: current, cost: currentCost, feasible: true, exact: false };
}

function byDeadline(problem: RoutingProblem, customers: number): number[] {
  const nodes = Array.from({ length: customers }, (_, i) => i + 1);
  return nodes.sort((a, b) => {
    const [ea, la] = problem.windows[a]!;
    const [eb, lb] = problem.windows[b]!;
    return la - lb || ea - eb || a - b;
  });
}

/** The feasibility VNS: perturb the best route so far and descend on lateness. */
function findFeasible(
  search: TourSearch,
  initial: number[],
  options: TsptwHeuristicOptions,
  random: SeededRandom,
  timeUp: () => boolean,
): number[] {
  let best = search.reduceLateness(initial);
  let bestLateness = search.lateness(best);
  let level = 1;
  for (let i = 0; i < options.feasibilityIterations && bestLateness > 0 && !timeUp(); i++) {
    const candidate = search.reduceLateness(search.perturb(best, level, random));
    const lateness = search.lateness(candidate);
    if (lateness < bestLateness - 1e-9) {
      best = candidate;
      bestLateness = lateness;
      level = 1;
    } else {
      level = level >= options.maxLevel ? 1 : level + 1;
    }
  }
  return best;
}

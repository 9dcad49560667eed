import { cell, type RoutingProblem, TIME_EPSILON } from './routingProblem.js';
import { shortestPaths } from './shortestPaths.js';

/** Result of ordering every node of a TSPTW. */
export interface TsptwSolution {
  /** The nodes other than the depot, in visiting order (every one of them). */
  readonly route: number[];
  readonly cost: number;
  readonly feasible: boolean;
  /** True when the route is proven optimal (the DP ran to completion). */
  readonly exact: boolean;
}

/**
 * Exact TSPTW by dynamic programming over subsets (Held–Karp with time windows). A state is
 * (visited set, last node); because an earlier finish can make later windows reachable, each state
 * keeps the Pareto set of (cost, departure time) labels rather than a single best cost. Labels that
 * can no longer reach some unvisited node before it closes are pruned with shortest-path bounds.
 * Memory and time grow as 2ⁿ·n, so callers use it for small n (the planner: ≤ 12 stops).
 */
export function solveTsptwExact(problem: RoutingProblem): TsptwSolution {
  const { travel, windows, service } = problem;
  const costMatrix = problem.cost ?? travel;
  const n = windows.length - 1;
  if (n <= 0) {
    const end = windows[0]![0] + cell(travel, 0, 0);
    return {
      route: [],
      cost: cell(costMatrix, 0, 0),
      feasible: end <= windows[0]![1] + TIME_EPSILON,
      exact: true,
    };
  }
  const bound = shortestPaths(travel);
  const full = (1 << n) - 1;
  const labelCost: number[] = [];
  const labelTime: number[] = [];
  const labelNode: number[] = [];
  const labelParent: number[] = [];
  const states: (number[] | undefined)[] = new Array<number[] | undefined>((full + 1) * n);

  const canStillFinish = (node: number, time: number, mask: number): boolean => {
    const row = bound[node]!;
    if (time + row[0]! > windows[0]![1] + TIME_EPSILON) return false;
    for (let k = 1; k <= n; k++) {
      if (mask & (1 << (k - 1))) continue;
      if (time + row[k]! > windows[k]![1] + TIME_EPSILON) return false;
    }
    return true;
  };

  const addLabel = (mask: number, node: number, cost: number, time: number, parent: number): void => {
    const key = mask * n + (node - 1);
    let list = states[key];
    if (list === undefined) {
      list = [];
      states[key] = list;
    }
    for (const other of list) {
      if (labelCost[other]! <= cost + TIME_EPSILON && labelTime[other]! <= time + TIME_EPSILON) return;
    }
    const kept = list.filter((other) => !(cost <= labelCost[other]! && time <= labelTime[other]!));
    kept.push(labelCost.length);
    states[key] = kept;
    labelCost.push(cost);
    labelTime.push(time);
    labelNode.push(node);
    labelParent.push(parent);
  };

  const extend = (mask: number, from: number, cost: number, time: number, parent: number): void => {
    for (let next = 1; next <= n; next++) {
      const bit = 1 << (next - 1);
      if (mask & bit) continue;
      const [earliest, latest] = windows[next]!;
      const start = Math.max(time + cell(travel, from, next), earliest);
      if (!(start <= latest + TIME_EPSILON)) continue;
      const departure = start + service[next]!;
      if (!canStillFinish(next, departure, mask | bit)) continue;
      addLabel(mask | bit, next, cost + cell(costMatrix, from, next), departure, parent);
    }
  };

  extend(0, 0, 0, windows[0]![0], -1);
  for (let mask = 1; mask <= full; mask++) {
    for (let node = 1; node <= n; node++) {
      const list = states[mask * n + (node - 1)];
      if (list === undefined) continue;
      for (const label of list) extend(mask, node, labelCost[label]!, labelTime[label]!, label);
    }
  }

  let best = -1;
  let bestCost = Infinity;
  let bestEnd = Infinity;
  for (let node = 1; node <= n; node++) {
    for (const label of states[full * n + (node - 1)] ?? []) {
      const end = labelTime[label]! + cell(travel, node, 0);
      if (!(end <= windows[0]![1] + TIME_EPSILON)) continue;
      const total = labelCost[label]! + cell(costMatrix, node, 0);
      if (total < bestCost - TIME_EPSILON || (total <= bestCost + TIME_EPSILON && end < bestEnd)) {
        best = label;
        bestCost = total;
        bestEnd = end;
      }
    }
  }
  if (best < 0) return { route: [], cost: Infinity, feasible: false, exact: true };
  const route: number[] = [];
  for (let label = best; label >= 0; label = labelParent[label]!) route.push(labelNode[label]!);
  route.reverse();
  return { route, cost: bestCost, feasible: true, exact: true };
}

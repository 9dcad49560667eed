import { cell, type Matrix, type RoutingProblem, TIME_EPSILON } from './routingProblem.js';
import type { SeededRandom } from './seededRandom.js';

/** Longest segment moved by the Or-opt neighbourhood (1 = the classic 1-shift move). */
const MAX_SEGMENT = 3;

/**
 * Local search on one closed route with time windows: Or-opt (move a segment of 1–3 nodes) and
 * 2-opt (reverse a segment), the neighbourhoods of the GVNS of da Silva & Urrutia (2010) for the
 * TSPTW. A move's cost change is computed in O(1) first; only improving moves pay for the O(n)
 * feasibility check, which restarts from the first changed position and stops at the first late
 * node. `extraCheck` lets a caller add a route-level constraint (e.g. a walking budget).
 */
export class TourSearch {
  private readonly travel: Matrix;
  private readonly costMatrix: Matrix;

  constructor(
    private readonly problem: RoutingProblem,
    private readonly extraCheck?: (route: readonly number[]) => boolean,
  ) {
    this.travel = problem.travel;
    this.costMatrix = problem.cost ?? problem.travel;
  }

  /** Cost of the closed route. */
  cost(route: readonly number[]): number {
    let total = 0;
    let previous = 0;
    for (const node of route) {
      total += cell(this.costMatrix, previous, node);
      previous = node;
    }
    return total + cell(this.costMatrix, previous, 0);
  }

  /** Departure time after serving each position (index p) — the prefix a move can resume from. */
  departures(route: readonly number[]): number[] {
    const { windows, service } = this.problem;
    const result: number[] = [];
    let time = windows[0]![0];
    let previous = 0;
    for (const node of route) {
      time = Math.max(time + cell(this.travel, previous, node), windows[node]![0]) + service[node]!;
      result.push(time);
      previous = node;
    }
    return result;
  }

  /** Sum of lateness over the route, resuming at `from`; stops early once it exceeds `cutoff`. */
  lateness(route: readonly number[], from = 0, departures?: readonly number[], cutoff = Infinity): number {
    const { windows, service } = this.problem;
    let time = from === 0 ? windows[0]![0] : departures![from - 1]!;
    let previous = from === 0 ? 0 : route[from - 1]!;
    let late = 0;
    for (let p = from; p < route.length; p++) {
      const node = route[p]!;
      const start = Math.max(time + cell(this.travel, previous, node), windows[node]![0]);
      const over = start - windows[node]![1];
      if (over > TIME_EPSILON) {
        late += over;
        if (late > cutoff) return late;
      }
      time = start + service[node]!;
      previous = node;
    }
    const over = time + cell(this.travel, previous, 0) - windows[0]![1];
    if (over > TIME_EPSILON) late += over;
    return Number.isNaN(late) ? Infinity : late;
  }

  /** Feasible in time (and under `extraCheck`). */
  isFeasible(route: readonly number[], from = 0, departures?: readonly number[]): boolean {
    if (this.lateness(route, from, departures, 0) > 0) return false;
    return this.extraCheck === undefined || this.extraCheck(route);
  }

  /** Variable neighbourhood descent from a feasible route; returns a feasible route no costlier. */
  descend(start: readonly number[]): number[] {
    let route = [...start];
    for (;;) {
      const moved = this.improveByOrOpt(route) ?? this.improveByTwoOpt(route);
      if (moved === undefined) return route;
      route = moved;
    }
  }

  /** Apply `moves` random feasible 1-shift moves (the GVNS shaking step). */
  shake(start: readonly number[], moves: number, random: SeededRandom): number[] {
    let route = [...start];
    if (route.length < 2) return route;
    for (let m = 0; m < moves; m++) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = moveNode(route, random.int(route.length), random.int(route.length));
        if (this.isFeasible(candidate)) {
          route = candidate;
          break;
        }
      }
    }
    return route;
  }

  /** Apply `moves` random 1-shift moves, feasible or not (used while still looking for feasibility). */
  perturb(start: readonly number[], moves: number, random: SeededRandom): number[] {
    let route = [...start];
    if (route.length < 2) return route;
    for (let m = 0; m < moves; m++)
      route = moveNode(route, random.int(route.length), random.int(route.length));
    return route;
  }

  /** 1-shift descent on total lateness (the feasibility phase); returns a route no later in sum. */
  reduceLateness(start: readonly number[]): number[] {
    let route = [...start];
    let current = this.lateness(route);
    let improved = current > 0;
    while (improved && current > 0) {
      improved = false;
      const departures = this.departures(route);
      const lateBefore = this.latenessPrefix(route);
      for (let from = 0; from < route.length && !improved; from++) {
        for (let to = 0; to < route.length && !improved; to++) {
          if (to === from) continue;
          const candidate = moveNode(route, from, to);
          const resume = Math.min(from, to);
          const prefix = lateBefore[resume]!;
          const late = prefix + this.lateness(candidate, resume, departures, current - prefix - TIME_EPSILON);
          if (late < current - TIME_EPSILON) {
            route = candidate;
            current = late;
            improved = true;
          }
        }
      }
    }
    return route;
  }

  /** Lateness accumulated before each position (index p = lateness of positions 0..p−1). */
  private latenessPrefix(route: readonly number[]): number[] {
    const { windows, service } = this.problem;
    const result: number[] = [0];
    let time = windows[0]![0];
    let previous = 0;
    let late = 0;
    for (const node of route) {
      const start = Math.max(time + cell(this.travel, previous, node), windows[node]![0]);
      if (start - windows[node]![1] > TIME_EPSILON) late += start - windows[node]![1];
      result.push(late);
      time = start + service[node]!;
      previous = node;
    }
    return result;
  }

  private improveByOrOpt(route: readonly number[]): number[] | undefined {
    const c = this.costMatrix;
    const size = route.length;
    const departures = this.departures(route);
    for (let length = 1; length <= Math.min(MAX_SEGMENT, size - 1); length++) {
      for (let i = 0; i + length <= size; i++) {
        const first = route[i]!;
        const last = route[i + length - 1]!;
        const before = i === 0 ? 0 : route[i - 1]!;
        const after = i + length === size ? 0 : route[i + length]!;
        const removal = cell(c, before, after) - cell(c, before, first) - cell(c, last, after);
        for (let gap = 0; gap <= size; gap++) {
          if (gap >= i && gap <= i + length) continue;
          const p = gap === 0 ? 0 : route[gap - 1]!;
          const q = gap === size ? 0 : route[gap]!;
          const delta = removal + cell(c, p, first) + cell(c, last, q) - cell(c, p, q);
          if (!(delta < -TIME_EPSILON)) continue;
          const candidate = moveSegment(route, i, length, gap);
          if (this.isFeasible(candidate, Math.min(i, gap), departures)) return candidate;
        }
      }
    }
    return undefined;
  }

  private improveByTwoOpt(route: readonly number[]): number[] | undefined {
    const c = this.costMatrix;
    const size = route.length;
    const departures = this.departures(route);
    for (let i = 0; i < size - 1; i++) {
      const before = i === 0 ? 0 : route[i - 1]!;
      let inner = 0;
      for (let j = i + 1; j < size; j++) {
        inner += cell(c, route[j]!, route[j - 1]!) - cell(c, route[j - 1]!, route[j]!);
        const after = j === size - 1 ? 0 : route[j + 1]!;
        const delta =
          cell(c, before, route[j]!) +
          cell(c, route[i]!, after) -
          cell(c, before, route[i]!) -
          cell(c, route[j]!, after) +
          inner;
        if (!(delta < -TIME_EPSILON)) continue;
        const candidate = [...route.slice(0, i), ...route.slice(i, j + 1).reverse(), ...route.slice(j + 1)];
        if (this.isFeasible(candidate, i, departures)) return candidate;
      }
    }
    return undefined;
  }
}

/** Move the node at position `from` so that it ends up at position `to`. */
export function moveNode(route: readonly number[], from: number, to: number): number[] {
  const result = [...route];
  const [node] = result.splice(from, 1);
  result.splice(to, 0, node!);
  return result;
}

/** Move `length` nodes starting at `start` into the gap before original position `gap`. */
function moveSegment(route: readonly number[], start: number, length: number, gap: number): number[] {
  const segment = route.slice(start, start + length);
  if (gap < start)
    return [...route.slice(0, gap), ...segment, ...route.slice(gap, start), ...route.slice(start + length)];
  return [...route.slice(0, start), ...route.slice(start + length, gap), ...segment, ...route.slice(gap)];
}

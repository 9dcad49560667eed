import { cell, type Matrix, type RoutingProblem, TIME_EPSILON } from './routingProblem.js';

/** Each node consumes `demands[node]`; a route may consume at most `limit`. */
export interface NodeCapacity {
  readonly demands: readonly number[];
  readonly limit: number;
}

/** Side constraints of the orienteering problem, beyond time windows. */
export interface OptwConstraints {
  /** Each node consumes `demands[node]`; a route may consume at most `limit` (e.g. visits per day). */
  readonly nodeCapacity?: NodeCapacity;
  /** Further node capacities, each checked like `nodeCapacity` (e.g. minutes of sightseeing per day). */
  readonly nodeCapacities?: readonly NodeCapacity[];
  /** Each arc consumes `matrix[i][j]`; a route may consume at most `limit` (e.g. metres walked). */
  readonly arcCapacity?: { readonly matrix: Matrix; readonly limit: number };
  /** `of[node]` is the node's group (−1: none); a route holds at most `limits[group]` of a group. */
  readonly groups?: { readonly of: readonly number[]; readonly limits: readonly number[] };
}

/** Where and at what price a node fits into the tour. */
export interface Insertion {
  readonly node: number;
  /** Gap index: the node goes before the node now at this position. */
  readonly position: number;
  /** How much later the following node is reached. */
  readonly shift: number;
}

/**
 * One tour of the orienteering ILS with the bookkeeping of Vansteenwegen et al. (2009): for each
 * visit its wait and `maxShift` (how much later it could start without breaking any later window or
 * the time budget), so that testing an insertion costs O(1).
 */
export class OptwTour {
  route: number[] = [];
  private starts: number[] = [];
  private waits: number[] = [];
  private maxShifts: number[] = [];
  private endSlack = 0;
  private loads: number[] = [];
  private readonly capacities: readonly NodeCapacity[];
  private arcLoad = 0;
  private groupCounts = new Map<number, number>();

  constructor(
    private readonly problem: RoutingProblem,
    private readonly constraints: OptwConstraints = {},
  ) {
    const { nodeCapacity, nodeCapacities = [] } = constraints;
    this.capacities = nodeCapacity ? [nodeCapacity, ...nodeCapacities] : nodeCapacities;
    this.refresh();
  }

  /** Replace the route and recompute every derived quantity. */
  setRoute(route: readonly number[]): void {
    this.route = [...route];
    this.refresh();
  }

  /** The cheapest feasible position for `node`, if it fits at all. */
  bestInsertion(node: number): Insertion | undefined {
    if (!this.fitsSideConstraints(node)) return undefined;
    const { travel, windows, service } = this.problem;
    const [earliest, latest] = windows[node]!;
    const arcs = this.constraints.arcCapacity;
    let best: Insertion | undefined;
    for (let gap = 0; gap <= this.route.length; gap++) {
      const before = gap === 0 ? 0 : this.route[gap - 1]!;
      const after = gap === this.route.length ? 0 : this.route[gap]!;
      const departure = gap === 0 ? windows[0]![0] : this.starts[gap - 1]! + service[before]!;
      const start = Math.max(departure + cell(travel, before, node), earliest);
      if (!(start <= latest + TIME_EPSILON)) continue;
      const shift =
        start + service[node]! + cell(travel, node, after) - (departure + cell(travel, before, after));
      const slack = gap === this.route.length ? this.endSlack : this.waits[gap]! + this.maxShifts[gap]!;
      if (!(shift <= slack + TIME_EPSILON)) continue;
      if (arcs) {
        const extra =
          cell(arcs.matrix, before, node) + cell(arcs.matrix, node, after) - cell(arcs.matrix, before, after);
        if (!(this.arcLoad + extra <= arcs.limit + TIME_EPSILON)) continue;
      }
      if (best === undefined || shift < best.shift - TIME_EPSILON) best = { node, position: gap, shift };
    }
    return best;
  }

  insert(insertion: Insertion): void {
    this.route.splice(insertion.position, 0, insertion.node);
    this.refresh();
  }

  /** Remove `count` consecutive visits from `from`, wrapping past the end (the ILS shake). */
  removeConsecutive(from: number, count: number): void {
    const size = this.route.length;
    if (size === 0) return;
    const removed = new Set<number>();
    for (let k = 0; k < Math.min(count, size); k++) removed.add((from + k) % size);
    this.route = this.route.filter((_, position) => !removed.has(position));
    this.refresh();
  }

  /** Total travel of the closed tour. */
  travelTime(): number {
    let total = 0;
    let previous = 0;
    for (const node of this.route) {
      total += cell(this.problem.travel, previous, node);
      previous = node;
    }
    return total + cell(this.problem.travel, previous, 0);
  }

  /** Whether the route respects the arc capacity (for reorderings made outside this class). */
  withinArcCapacity(route: readonly number[]): boolean {
    const arcs = this.constraints.arcCapacity;
    if (!arcs) return true;
    let used = 0;
    let previous = 0;
    for (const node of route) {
      used += cell(arcs.matrix, previous, node);
      previous = node;
    }
    used += cell(arcs.matrix, previous, 0);
    return used <= arcs.limit + TIME_EPSILON;
  }

  private fitsSideConstraints(node: number): boolean {
    const over = this.capacities.some(
      (capacity, c) => this.loads[c]! + capacity.demands[node]! > capacity.limit + TIME_EPSILON,
    );
    if (over) return false;
    const groups = this.constraints.groups;
    const group = groups?.of[node] ?? -1;
    if (groups && group >= 0 && (this.groupCounts.get(group) ?? 0) >= groups.limits[group]!) return false;
    return true;
  }

  private refresh(): void {
    const { travel, windows, service } = this.problem;
    const size = this.route.length;
    this.starts = new Array<number>(size);
    this.waits = new Array<number>(size);
    this.maxShifts = new Array<number>(size);
    let time = windows[0]![0];
    let previous = 0;
    for (let p = 0; p < size; p++) {
      const node = this.route[p]!;
      const arrival = time + cell(travel, previous, node);
      const start = Math.max(arrival, windows[node]![0]);
      this.starts[p] = start;
      this.waits[p] = start - arrival;
      time = start + service[node]!;
      previous = node;
    }
    this.endSlack = windows[0]![1] - (time + cell(travel, previous, 0));
    let nextSlack = this.endSlack;
    for (let p = size - 1; p >= 0; p--) {
      this.maxShifts[p] = Math.min(windows[this.route[p]!]![1] - this.starts[p]!, nextSlack);
      nextSlack = this.waits[p]! + this.maxShifts[p]!;
    }
    this.recountLoads();
  }

  private recountLoads(): void {
    const capacities = this.capacities;
    const arcs = this.constraints.arcCapacity;
    const groups = this.constraints.groups;
    this.loads = capacities.map(() => 0);
    this.arcLoad = 0;
    this.groupCounts = new Map();
    let previous = 0;
    for (const node of this.route) {
      capacities.forEach((capacity, c) => (this.loads[c]! += capacity.demands[node]!));
      if (arcs) this.arcLoad += cell(arcs.matrix, previous, node);
      const group = groups?.of[node] ?? -1;
      if (group >= 0) this.groupCounts.set(group, (this.groupCounts.get(group) ?? 0) + 1);
      previous = node;
    }
    if (arcs) this.arcLoad += cell(arcs.matrix, previous, 0);
  }
}

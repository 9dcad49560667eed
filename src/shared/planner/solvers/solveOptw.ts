import { deadline } from './deadline.js';
import { type OptwConstraints, OptwTour } from './OptwTour.js';
import type { RoutingProblem } from './routingProblem.js';
import { SeededRandom } from './seededRandom.js';
import { TourSearch } from './TourSearch.js';

/** An orienteering problem with time windows: a profit per node, the depot window is the budget. */
export interface OptwProblem extends RoutingProblem {
  /** Profit of visiting each node (the depot's is ignored). */
  readonly scores: readonly number[];
}

export interface SolveOptwOptions extends OptwConstraints {
  /** Stop after this many shakes in a row without a better tour (the paper uses 150). */
  readonly maxNoImprovement?: number;
  /** Hard cap on shakes. */
  readonly maxIterations?: number;
  /** Go back to the best tour after this many shakes without improvement, with a random shake start. */
  readonly restartAfter?: number;
  readonly seed?: number;
  /** Nodes that may be visited; all but the depot when absent. */
  readonly candidates?: readonly number[];
  /** Local search on each local optimum: re-order (Or-opt/2-opt) and drop-and-refill (default true). */
  readonly localSearch?: boolean;
  /** Wall-clock cap in milliseconds (leave unset where determinism matters). */
  readonly timeLimitMs?: number;
}

export interface OptwSolution {
  /** The chosen nodes in visiting order. */
  readonly route: number[];
  readonly score: number;
  /** Travel time of the closed tour. */
  readonly travel: number;
}

export const DEFAULT_OPTW_OPTIONS = {
  maxNoImprovement: 150,
  maxIterations: 5_000,
  restartAfter: 40,
  seed: 20_090_301,
  localSearch: true,
} as const;

/**
 * Orienteering with time windows by the iterated local search of Vansteenwegen, Souffriau, Vanden
 * Berghe & Van Oudheusden ("Iterated local search for the team orienteering problem with time
 * windows", Computers & OR 36(12), 2009): insert the node with the best score²/shift ratio until
 * nothing fits, keep the best tour, shake by removing R consecutive visits from position S, and
 * continue from the shaken tour. Two additions from the later OPTW literature strengthen it: each
 * local optimum is re-ordered to free time and improved by drop-and-refill (remove one visit,
 * refill greedily, keep if the profit rose), and the search returns to the best tour after
 * `restartAfter` fruitless shakes. All randomness comes from the seed.
 */
export function solveOptw(problem: OptwProblem, options: SolveOptwOptions = {}): OptwSolution {
  const settings = { ...DEFAULT_OPTW_OPTIONS, ...options };
  const candidates =
    settings.candidates ?? Array.from({ length: problem.windows.length - 1 }, (_, i) => i + 1);
  const tour = new OptwTour(problem, settings);
  // Re-ordering exists to free time, so it minimises travel whatever cost matrix the caller set.
  const timing = { travel: problem.travel, windows: problem.windows, service: problem.service };
  const search = new TourSearch(timing, (route) => tour.withinArcCapacity(route));
  const random = new SeededRandom(settings.seed);
  const timeUp = deadline(settings.timeLimitMs);
  const resetLength = Math.max(2, Math.floor(candidates.length / 3));

  let best: OptwSolution = { route: [], score: 0, travel: tour.travelTime() };
  let start = 0;
  let length = 1;
  let withoutImprovement = 0;
  for (let iteration = 0; iteration < settings.maxIterations && !timeUp(); iteration++) {
    insertUntilFull(tour, candidates, problem.scores);
    if (settings.localSearch) improveLocally(tour, search, candidates, problem.scores);
    const current = {
      route: [...tour.route],
      score: scoreOf(tour.route, problem.scores),
      travel: tour.travelTime(),
    };
    if (isBetter(current, best)) {
      best = current;
      length = 1;
      withoutImprovement = 0;
    } else if (++withoutImprovement >= settings.maxNoImprovement) {
      break;
    } else if (withoutImprovement % settings.restartAfter === 0) {
      tour.setRoute(best.route);
      start = random.int(Math.max(1, best.route.length));
    }
    const size = tour.route.length;
    if (size === 0) break;
    start %= size;
    tour.removeConsecutive(start, length);
    start += length;
    length += 1;
    if (length >= resetLength) length = 1;
  }
  return best;
}

/** Greedy insertion by the paper's ratio score² / shift until no candidate fits anywhere. */
function insertUntilFull(
  tour: OptwTour,
  candidates: readonly number[],
  scores: readonly number[],
  banned = -1,
): void {
  for (;;) {
    const inRoute = new Set(tour.route);
    let chosen: { node: number; position: number; shift: number } | undefined;
    let chosenRatio = -Infinity;
    for (const node of candidates) {
      if (node === banned || inRoute.has(node)) continue;
      const insertion = tour.bestInsertion(node);
      if (insertion === undefined) continue;
      const ratio = scores[node]! ** 2 / Math.max(insertion.shift, 1e-6);
      if (ratio > chosenRatio) {
        chosen = insertion;
        chosenRatio = ratio;
      }
    }
    if (chosen === undefined) return;
    tour.insert(chosen);
  }
}

/** Re-order then drop-and-refill until neither helps. */
function improveLocally(
  tour: OptwTour,
  search: TourSearch,
  candidates: readonly number[],
  scores: readonly number[],
): void {
  for (let round = 0; round < 20; round++) {
    if (tour.route.length > 1) {
      const reordered = search.descend(tour.route);
      if (search.cost(reordered) < search.cost(tour.route) - 1e-9) {
        tour.setRoute(reordered);
        insertUntilFull(tour, candidates, scores);
      }
    }
    if (!dropAndRefill(tour, candidates, scores)) return;
  }
}

/** Try removing each visit in turn and refilling greedily; keep the first change that raises the profit. */
function dropAndRefill(tour: OptwTour, candidates: readonly number[], scores: readonly number[]): boolean {
  const original = [...tour.route];
  const originalScore = scoreOf(original, scores);
  for (let position = 0; position < original.length; position++) {
    tour.setRoute([...original.slice(0, position), ...original.slice(position + 1)]);
    insertUntilFull(tour, candidates, scores, original[position]!);
    if (scoreOf(tour.route, scores) > originalScore + 1e-9) return true;
  }
  tour.setRoute(original);
  return false;
}

function scoreOf(route: readonly number[], scores: readonly number[]): number {
  return route.reduce((sum, node) => sum + scores[node]!, 0);
}

/** More profit wins; equal profit goes to the shorter tour. */
function isBetter(candidate: OptwSolution, incumbent: OptwSolution): boolean {
  if (candidate.score > incumbent.score + 1e-9) return true;
  return candidate.score >= incumbent.score - 1e-9 && candidate.travel < incumbent.travel - 1e-9;
}

import { haversineMeters } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import { type DayContext, mealStop, type PlannedStop, requiredMeals, visitStop } from './dayStops.js';
import { startWithVisit } from './morningStart.js';
import { kindKey } from './placeKind.js';
import type { ScoredPlace } from './scoreCandidates.js';
import type { Matrix, TimeWindow } from './solvers/routingProblem.js';
import { scheduleRoute } from './solvers/scheduleRoute.js';
import { solveOptw } from './solvers/solveOptw.js';
import { solveTsptw } from './solvers/solveTsptw.js';
import { uncross } from './validation/routeCrossings.js';
import type { MealRule } from './visitDurations.js';

/** What one day may choose from. `weight` scales a visit's score (lower outside the day's sector). */
export interface DayPool {
  readonly visits: readonly { readonly scored: ScoredPlace; readonly weight: number }[];
  readonly restaurants: readonly ScoredPlace[];
  /** Most minutes of sightseeing (visit lengths) the day may hold: the whole-trip balance and the group's energy. */
  readonly visitMinutesLimit?: number;
}

export interface DayPlanOptions {
  /** ILS stopping rule (shakes without improvement). */
  readonly maxNoImprovement: number;
  /** Largest day ordered exactly. */
  readonly exactLimit: number;
  readonly seed: number;
}

export interface DayPlan {
  /** The day's stops in visiting order. */
  readonly stops: PlannedStop[];
  /** Meals the day needed but could not fit (no open restaurant reachable in the window). */
  readonly missingMeals: MealRule[];
}

/** A meal outranks any visit, so the orienteering keeps both meals whenever they fit at all. */
const MEAL_PRIORITY = 1_000;
/** Restaurants offered per meal: nearest to where the day happens, plus a few near the accommodation. */
const RESTAURANTS_NEAR_DAY = 10;
const RESTAURANTS_NEAR_HOME = 4;
const RESTAURANTS_BEST = 3;
const MAX_SAME_KIND_PER_DAY = 2;
/**
 * Kinds that are one "sit down for a drink" to a traveller: a café and a tea house are one such
 * stop a day, never two back to back.
 */
const REFRESHMENT_KINDS = new Set(['cafe', 'teahouse']);
const REFRESHMENT = 'refreshment';
const MAX_REFRESHMENTS_PER_DAY = 1;
/** A meal may move to a nearer restaurant scoring at most this much lower. */
const MEAL_SCORE_TOLERANCE = 12;

interface DayNode {
  readonly stop: PlannedStop;
  readonly score: number;
  readonly group: number;
  /** A meal's cuisine when it is a specific one (gukbap, sushi), not just the country's food. */
  readonly cuisine?: string;
}

/**
 * Cuisines too broad to tire of: lunch and dinner may both be "Korean" in Korea, or both at a
 * vegetarian restaurant for a vegetarian.
 */
const BROAD_CUISINES = new Set(['korean', 'japanese', 'restaurant', 'vegetarian', 'halal']);

/**
 * Plan one day: choose which places to keep and in what order (orienteering with time windows,
 * the ILS of Vansteenwegen et al.), with lunch and dinner as mandatory stops chosen among
 * restaurants open in their windows, at most the group's visits per day, its walking budget, and
 * at most two places of a kind per day. The chosen stops are then ordered exactly (subset DP) and each
 * meal is moved to the restaurant that adds the least travel to the route.
 */
export function planDay(context: DayContext, pool: DayPool, options: DayPlanOptions): DayPlan {
  const meals = requiredMeals(context);
  const visitNodes = pool.visits.flatMap(({ scored, weight }) => {
    const stop = visitStop(context, scored.index);
    const kind = kindKey(scored.place);
    return stop
      ? [{ stop, score: scored.score * weight, kind: REFRESHMENT_KINDS.has(kind) ? REFRESHMENT : kind }]
      : [];
  });
  const kinds = [...new Set(visitNodes.map((n) => n.kind))].sort();
  const centre = dayCentre(context, pool);
  const mealNodes = meals.flatMap((rule, group) =>
    restaurantsFor(context, pool.restaurants, rule, centre).map(({ stop, scored }) => {
      const cuisine = kindKey(scored.place);
      return {
        stop,
        score: MEAL_PRIORITY + scored.score,
        group,
        ...(BROAD_CUISINES.has(cuisine) ? {} : { cuisine }),
      };
    }),
  );
  const nodes: DayNode[] = [
    ...mealNodes,
    ...visitNodes.map((n) => ({
      stop: n.stop,
      score: n.score,
      group: meals.length + kinds.indexOf(n.kind),
    })),
  ];
  // Variety: at most two places of one kind a day (two temples, not three waterfalls), one café or tea house.
  const limits = [
    ...meals.map(() => 1),
    ...kinds.map((kind) => (kind === REFRESHMENT ? MAX_REFRESHMENTS_PER_DAY : MAX_SAME_KIND_PER_DAY)),
  ];

  const points = [0, ...nodes.map((n) => n.stop.placeIndex + 1)];
  const legs = points.map((from) => points.map((to) => context.travel.leg(from, to)));
  const travel: Matrix = legs.map((row) => row.map((leg) => leg.minutes));
  const walk: Matrix = legs.map((row) => row.map((leg) => leg.walkMeters));
  const windows: TimeWindow[] = [[context.dayStart, context.dayEnd], ...nodes.map((n) => n.stop.window)];
  const service = [0, ...nodes.map((n) => n.stop.minutes + n.stop.restAfter)];
  const problem = { travel, windows, service, scores: [0, ...nodes.map((n) => n.score)] };
  const walkLimit = context.profile.maxWalkDayMeters;
  const walksEnough = (route: readonly number[]) => walkedMeters(walk, route) <= walkLimit;

  const chosen = solveOptw(problem, {
    nodeCapacity: {
      demands: [0, ...nodes.map((n) => (n.stop.kind === 'visit' ? 1 : 0))],
      limit: context.profile.maxVisitsPerDay,
    },
    ...(pool.visitMinutesLimit === undefined
      ? {}
      : {
          nodeCapacities: [
            {
              demands: [0, ...nodes.map((n) => (n.stop.kind === 'visit' ? n.stop.minutes : 0))],
              limit: pool.visitMinutesLimit,
            },
          ],
        }),
    arcCapacity: { matrix: walk, limit: walkLimit },
    groups: { of: [-1, ...nodes.map((n) => n.group)], limits },
    maxNoImprovement: options.maxNoImprovement,
    seed: options.seed,
  });
  const order = (route: number[]) => reorder(problem, route, walksEnough, options);
  let route = order(chosen.route);
  route = order(moveMealsNearRoute(problem, route, nodes, walksEnough));
  // Equal-travel orders can differ in shape: prefer the one whose legs do not cross.
  const travelLimit = travelOf(problem, route);
  route = uncross(
    route,
    context.travel.pointAt(0),
    (node) => context.travel.pointAt(points[node]!),
    (candidate) => {
      const schedule = scheduleRoute(problem, candidate);
      return schedule.feasible && schedule.cost <= travelLimit && walksEnough(candidate);
    },
  );
  // Orders of equal travel may leave the morning empty until lunch: fill it with visits instead.
  route = startWithVisit(problem, route, (node) => nodes[node - 1]!.stop.kind === 'meal', walksEnough);

  const present = new Set(route.map((node) => nodes[node - 1]!.stop.meal));
  return {
    stops: route.map((node) => nodes[node - 1]!.stop),
    missingMeals: meals.filter((rule) => !present.has(rule.meal)),
  };
}

/** Score-weighted centre of the day's own visits (the accommodation when it has none). */
function dayCentre(context: DayContext, pool: DayPool): LatLng {
  const own = pool.visits.filter((v) => v.weight >= 1);
  const total = own.reduce((sum, v) => sum + v.scored.score, 0);
  if (total === 0) return context.travel.pointAt(0);
  const lat = own.reduce((sum, v) => sum + v.scored.place.location.lat * v.scored.score, 0) / total;
  const lng = own.reduce((sum, v) => sum + v.scored.place.location.lng * v.scored.score, 0) / total;
  return { lat, lng };
}

function restaurantsFor(
  context: DayContext,
  restaurants: readonly ScoredPlace[],
  rule: MealRule,
  centre: LatLng,
) {
  const open = restaurants.flatMap((scored) => {
    const stop = mealStop(context, scored.index, rule);
    return stop ? [{ stop, scored }] : [];
  });
  const home = context.travel.pointAt(0);
  const nearest = (to: LatLng, count: number) =>
    [...open]
      .sort(
        (a, b) =>
          haversineMeters(to, a.scored.place.location) - haversineMeters(to, b.scored.place.location) ||
          a.scored.index - b.scored.index,
      )
      .slice(0, count);
  const picked = new Map<number, (typeof open)[number]>();
  // Plus the best-scored few wherever they are (a wished-for cuisine is worth a short detour).
  const best = [...open].sort((a, b) => b.scored.score - a.scored.score).slice(0, RESTAURANTS_BEST);
  for (const item of [
    ...nearest(centre, RESTAURANTS_NEAR_DAY),
    ...nearest(home, RESTAURANTS_NEAR_HOME),
    ...best,
  ])
    picked.set(item.scored.index, item);
  return [...picked.values()];
}

function walkedMeters(walk: Matrix, route: readonly number[]): number {
  let total = 0;
  let previous = 0;
  for (const node of route) {
    total += walk[previous]![node]!;
    previous = node;
  }
  return total + walk[previous]![0]!;
}

type DayProblem = { travel: Matrix; windows: readonly TimeWindow[]; service: readonly number[] };

/** Order the chosen nodes with the TSPTW solver (exact for small days); keep the old order if it fails. */
function reorder(
  problem: DayProblem,
  route: number[],
  walksEnough: (route: readonly number[]) => boolean,
  options: DayPlanOptions,
): number[] {
  if (route.length < 2) return route;
  const sub = [0, ...route];
  const pick = (m: Matrix) => sub.map((a) => sub.map((b) => m[a]![b]!));
  const solution = solveTsptw(
    {
      travel: pick(problem.travel),
      windows: sub.map((n) => problem.windows[n]!),
      service: sub.map((n) => problem.service[n]!),
    },
    {
      exactLimit: options.exactLimit,
      seed: options.seed,
      initialRoute: route.map((_, i) => i + 1),
      extraCheck: (r) => walksEnough(r.map((i) => sub[i]!)),
    },
  );
  if (!solution.feasible) return route;
  const reordered = solution.route.map((i) => sub[i]!);
  return travelOf(problem, reordered) <= travelOf(problem, route) ? reordered : route;
}

function travelOf(problem: DayProblem, route: readonly number[]): number {
  return scheduleRoute(problem, route).cost;
}

/** Swap each meal to the restaurant of the same meal that adds the least travel (ties: better score). */
function moveMealsNearRoute(
  problem: DayProblem & { scores: readonly number[] },
  start: number[],
  nodes: readonly DayNode[],
  walksEnough: (route: readonly number[]) => boolean,
): number[] {
  let route = [...start];
  for (let position = 0; position < route.length; position++) {
    const current = nodes[route[position]! - 1]!;
    if (current.stop.kind !== 'meal') continue;
    const others = route.filter((_, p) => p !== position).map((n) => nodes[n - 1]!);
    const otherMealPlaces = new Set(others.map((n) => n.stop.placeIndex));
    const otherCuisines = new Set(others.flatMap((n) => (n.cuisine ? [n.cuisine] : [])));
    const sameCuisine = (node: DayNode) => node.cuisine !== undefined && otherCuisines.has(node.cuisine);
    let best = route;
    // The same restaurant, or the same dish (gukbap twice), for lunch and dinner is moved whenever another fits.
    const repeated = otherMealPlaces.has(current.stop.placeIndex) || sameCuisine(current);
    let bestTravel =
      scheduleRoute(problem, route).feasible && !repeated ? travelOf(problem, route) : Infinity;
    let bestScore = current.score;
    nodes.forEach((candidate, index) => {
      const node = index + 1;
      if (candidate.group !== current.group || route.includes(node)) return;
      if (otherMealPlaces.has(candidate.stop.placeIndex) || sameCuisine(candidate)) return;
      // Shorter travel is no reason to trade a clearly better meal (a wished-for cuisine) for a worse one.
      if (!repeated && candidate.score < current.score - MEAL_SCORE_TOLERANCE) return;
      const trial = route.map((n, p) => (p === position ? node : n));
      const schedule = scheduleRoute(problem, trial);
      if (!schedule.feasible || !walksEnough(trial)) return;
      if (schedule.cost < bestTravel || (schedule.cost === bestTravel && candidate.score > bestScore)) {
        best = trial;
        bestTravel = schedule.cost;
        bestScore = candidate.score;
      }
    });
    route = best;
  }
  return route;
}

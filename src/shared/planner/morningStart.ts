import { FREE_TIME_MINUTES } from './freeTime.js';
import { cell, type RoutingProblem } from './solvers/routingProblem.js';
import { scheduleRoute } from './solvers/scheduleRoute.js';

/**
 * Visits moved to the morning may add at most this share to the day's travel: a full morning is
 * worth a little more travel, not a detour (the route stays within 5 % of the shortest order).
 */
const MORNING_DETOUR_SHARE = 0.05;
/** A morning this empty (an hour or more) is worth up to this detour, minutes. */
const EMPTY_MORNING_MINUTES = 60;
const EMPTY_MORNING_DETOUR_MINUTES = 10;
/** Visits moved to the morning at most (one or two fill a morning before lunch). */
const MORNING_MOVES = 2;

/**
 * Minutes the day waits before its first meal (or, without one, before its first stop): the
 * morning left empty.
 */
function morningIdle(problem: RoutingProblem, route: readonly number[], firstMeal: number): number {
  if (route.length === 0) return 0;
  const schedule = scheduleRoute(problem, route);
  const until = firstMeal < 0 ? 0 : firstMeal;
  let busy = 0;
  let previous = 0;
  for (let p = 0; p <= until; p++) {
    busy += cell(problem.travel, previous, route[p]!) + (p < until ? problem.service[route[p]!]! : 0);
    previous = route[p]!;
  }
  return schedule.starts[until]! - problem.windows[0]![0] - busy;
}

/**
 * Fill the morning before lunch with visits rather than idle until lunch. Ordering by travel alone
 * may put the day's visits after lunch (the orders cost the same travel), leaving the morning
 * empty; a traveller would see the museum that opens at 09:30 first and rest in the afternoon. A
 * visit after the first meal is moved before it when the morning would otherwise wait
 * `FREE_TIME_MINUTES` or more, the route stays feasible and `isAcceptable` (walking budget), and it
 * adds little travel.
 */
export function startWithVisit(
  problem: RoutingProblem,
  route: readonly number[],
  isMeal: (node: number) => boolean,
  isAcceptable: (route: readonly number[]) => boolean,
): number[] {
  let best = [...route];
  const travel = scheduleRoute(problem, route).cost;
  const firstIdle = morningIdle(problem, route, route.findIndex(isMeal));
  const travelLimit =
    travel +
    Math.max(
      MORNING_DETOUR_SHARE * travel,
      firstIdle >= EMPTY_MORNING_MINUTES ? EMPTY_MORNING_DETOUR_MINUTES : 0,
    );
  for (let move = 0; move < MORNING_MOVES; move++) {
    const firstMeal = best.findIndex(isMeal);
    const idle = morningIdle(problem, best, firstMeal);
    if (idle < FREE_TIME_MINUTES) break;
    let next: number[] | undefined;
    let nextIdle = idle - FREE_TIME_MINUTES / 2;
    let nextCost = Infinity;
    const before = firstMeal < 0 ? 0 : firstMeal;
    const consider = (trial: number[]) => {
      const schedule = scheduleRoute(problem, trial);
      if (!schedule.feasible || schedule.cost > travelLimit || !isAcceptable(trial)) return;
      const trialIdle = morningIdle(problem, trial, trial.findIndex(isMeal));
      if (trialIdle < nextIdle || (trialIdle === nextIdle && schedule.cost < nextCost)) {
        next = trial;
        nextIdle = trialIdle;
        nextCost = schedule.cost;
      }
    };
    for (let p = before + 1; p < best.length; p++) {
      if (isMeal(best[p]!)) continue;
      // A later visit moved before the meal, or exchanged with a morning visit that fits later
      // (an early-opening museum first, a stream open all day after lunch).
      const rest = best.filter((_, q) => q !== p);
      for (let at = 0; at <= before; at++) consider([...rest.slice(0, at), best[p]!, ...rest.slice(at)]);
      for (let q = 0; q < before; q++) {
        if (isMeal(best[q]!)) continue;
        consider(best.map((node, r) => (r === p ? best[q]! : r === q ? best[p]! : node)));
      }
    }
    if (!next) break;
    best = next;
  }
  return best;
}

import type { DayContext } from '../dayStops.js';
import { scheduleRoute } from '../solvers/scheduleRoute.js';
import type { RouteGap, ShownStop } from './dayRouteGap.js';
import { countSelfCrossings, unforcedCrossings } from './routeCrossings.js';

/** Self-crossings of the shown route, of the optimal order, and those no time window forces. */
export function routeShape(
  context: DayContext,
  stops: readonly ShownStop[],
  gap: RouteGap | undefined,
): { crossings: number; optimumCrossings: number; unforcedCrossings: number } {
  const home = context.travel.pointAt(0);
  const pointOf = (i: number) => context.travel.pointAt(stops[i]!.point);
  const route = (order: readonly number[]) => [home, ...order.map(pointOf), home];
  const shownOrder = stops.map((_, i) => i);
  if (!gap)
    return { crossings: countSelfCrossings(route(shownOrder)), optimumCrossings: 0, unforcedCrossings: 0 };
  const stillAsGood = (order: number[]) => {
    const schedule = scheduleRoute(
      gap.problem,
      order.map((i) => i + 1),
    );
    return schedule.feasible && schedule.cost <= gap.shown;
  };
  return {
    crossings: countSelfCrossings(route(shownOrder)),
    optimumCrossings: countSelfCrossings(route(gap.optimalOrder)),
    unforcedCrossings: unforcedCrossings(shownOrder, home, pointOf, stillAsGood),
  };
}

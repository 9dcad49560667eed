import type { DayContext } from '../dayStops.js';
import { clip, type Interval, visitableIntervals } from '../openingWindows.js';
import type { ItineraryItem } from '../planTypes.js';
import type { RoutingProblem, TimeWindow } from '../solvers/routingProblem.js';
import { scheduleRoute } from '../solvers/scheduleRoute.js';
import { solveTsptw } from '../solvers/solveTsptw.js';

/** A visit or meal of a shown day, as the route-gap check needs it. */
export interface ShownStop {
  readonly item: ItineraryItem;
  /** Point in the travel model (place index + 1). */
  readonly point: number;
  readonly start: number;
  readonly end: number;
  /** Rest shown right after it. */
  readonly restAfter: number;
}

export interface RouteGap {
  /** Travel minutes of the shown order. */
  readonly shown: number;
  /** Travel minutes of the optimal order of the same stops under the same windows. */
  readonly optimum: number;
  readonly gapPercent: number;
  /** The optimal order (indices into the stops). */
  readonly optimalOrder: number[];
  /** The day as a routing problem (node i + 1 = stop i), to test other orders. */
  readonly problem: RoutingProblem;
}

/**
 * Compare the day's order with the optimum of the same stops (same windows, same stay lengths) by
 * the planner's own TSPTW solver — exact up to its exact limit. `undefined` when the stops admit no
 * feasible order at all (the day has violations then).
 */
export function dayRouteGap(context: DayContext, stops: readonly ShownStop[]): RouteGap | undefined {
  const windows: TimeWindow[] = [[context.dayStart, context.dayEnd]];
  for (const stop of stops) {
    const window = windowOf(context, stop);
    if (!window) return undefined;
    windows.push(window);
  }
  const points = [0, ...stops.map((s) => s.point)];
  const travel = points.map((a) => points.map((b) => context.travel.leg(a, b).minutes));
  const problem = { travel, windows, service: [0, ...stops.map((s) => s.end - s.start + s.restAfter)] };
  const shown = scheduleRoute(
    problem,
    stops.map((_, i) => i + 1),
  ).cost;
  const best = solveTsptw(problem);
  if (!best.feasible) return undefined;
  const optimum = Math.min(best.cost, shown);
  const gapPercent = optimum > 0 ? (100 * (shown - optimum)) / optimum : shown > 0 ? 100 : 0;
  return { shown, optimum, gapPercent, optimalOrder: best.route.map((i) => i - 1), problem };
}

/** The start window of a shown stop: the open interval it was scheduled in (or the longest one). */
function windowOf(context: DayContext, stop: ShownStop): TimeWindow | undefined {
  const place = context.places[stop.point - 1]!;
  const minutes = stop.end - stop.start;
  let from = context.dayStart;
  let to = context.dayEnd;
  const rule = context.meals.find((m) => m.meal === stop.item.meal);
  if (stop.item.kind === 'meal' && rule) {
    from = Math.max(from, rule.windowStart);
    to = Math.min(to, rule.windowEnd);
  }
  const intervals = clip(visitableIntervals(place, context.weekday).intervals, from, to);
  const fitting = intervals.filter((i) => i.end - i.start >= minutes);
  const containing = fitting.find((i) => i.start <= stop.start && stop.end <= i.end);
  const chosen: Interval | undefined =
    containing ?? fitting.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return chosen ? [chosen.start, chosen.end - minutes] : undefined;
}

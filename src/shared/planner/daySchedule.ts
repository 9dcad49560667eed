import type { DayContext, PlannedStop } from './dayStops.js';
import type { Leg } from './TravelModel.js';

/** Times of one stop in a day's schedule (minutes since midnight). */
export interface StopTiming {
  readonly stop: PlannedStop;
  /** The leg that arrives here, and when it leaves the previous point. */
  readonly legIn: Leg;
  readonly departPrevious: number;
  readonly start: number;
  readonly end: number;
}

/** A timed day: stops in order plus the leg home. */
export interface DaySchedule {
  readonly feasible: boolean;
  readonly timings: readonly StopTiming[];
  readonly legHome: Leg;
  readonly departLast: number;
  /** Total travel minutes (what the ordering minimises). */
  readonly travelMinutes: number;
  /** Metres walked. */
  readonly walkMeters: number;
}

/** The point index in the travel model of a stop (0 is the accommodation). */
export function pointOf(stop: PlannedStop): number {
  return stop.placeIndex + 1;
}

/**
 * Time a day's stops in the given order: leave the accommodation, wait when early, stay, rest,
 * move on, return by the end of the day (straight after the last stop: the rest is at home). The departure is then delayed by the first stop's wait so
 * nobody leaves early just to stand at a closed door. `feasible` is false when a stop's window or
 * the day's end is missed.
 */
export function scheduleStops(context: DayContext, stops: readonly PlannedStop[]): DaySchedule {
  const timings: StopTiming[] = [];
  let time = context.dayStart;
  let previousPoint = 0;
  let feasible = true;
  let travelMinutes = 0;
  let walkMeters = 0;
  for (const stop of stops) {
    const legIn = context.travel.leg(previousPoint, pointOf(stop));
    const start = Math.max(time + legIn.minutes, stop.window[0]);
    if (!(start <= stop.window[1])) feasible = false;
    timings.push({ stop, legIn, departPrevious: time, start, end: start + stop.minutes });
    travelMinutes += legIn.minutes;
    walkMeters += legIn.walkMeters;
    time = start + stop.minutes + stop.restAfter;
    previousPoint = pointOf(stop);
  }
  // No rest after the day's last stop: the group is heading back to rest at the accommodation.
  const last = timings.at(-1);
  if (last) time = last.end;
  const legHome = context.travel.leg(previousPoint, 0);
  travelMinutes += legHome.minutes;
  walkMeters += legHome.walkMeters;
  if (!(time + legHome.minutes <= context.dayEnd)) feasible = false;
  const first = timings[0];
  if (first) {
    const wait = first.start - (first.departPrevious + first.legIn.minutes);
    timings[0] = { ...first, departPrevious: first.departPrevious + wait };
  }
  return { feasible, timings, legHome, departLast: time, travelMinutes, walkMeters };
}

import type { PlanningContext } from '../../planner/planningContext.js';
import { scheduleOf } from './retimeDay.js';
import type { StopSpec } from './StopSpec.js';

/**
 * Put `stop` into the day where the schedule stays feasible and adds the least travel. When no
 * position is feasible, make room by taking out one stop `removable` allows (the one leaving the
 * least travel). `undefined` when even that does not fit.
 */
export function insertStop(
  context: PlanningContext,
  date: string,
  stops: readonly StopSpec[],
  stop: StopSpec,
  removable: (spec: StopSpec) => boolean = () => false,
): StopSpec[] | undefined {
  const best = bestInsertion(context, date, stops, stop);
  if (best) return best;
  let roomiest: { stops: StopSpec[]; travel: number } | undefined;
  stops.forEach((spec, i) => {
    if (!removable(spec)) return;
    const fewer = stops.filter((_, j) => j !== i);
    const trial = bestInsertion(context, date, fewer, stop);
    if (!trial) return;
    const travel = scheduleOf(context, date, trial).travelMinutes;
    if (!roomiest || travel < roomiest.travel) roomiest = { stops: trial, travel };
  });
  return roomiest?.stops;
}

function bestInsertion(
  context: PlanningContext,
  date: string,
  stops: readonly StopSpec[],
  stop: StopSpec,
): StopSpec[] | undefined {
  let best: { stops: StopSpec[]; travel: number } | undefined;
  for (let at = 0; at <= stops.length; at++) {
    const trial = [...stops.slice(0, at), stop, ...stops.slice(at)];
    const schedule = scheduleOf(context, date, trial);
    if (schedule.feasible && (!best || schedule.travelMinutes < best.travel))
      best = { stops: trial, travel: schedule.travelMinutes };
  }
  return best?.stops;
}

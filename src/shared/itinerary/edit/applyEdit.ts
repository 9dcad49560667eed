import type { Place } from '../../domain/place.js';
import { AppError } from '../../errors/AppError.js';
import type { PlanningContext } from '../../planner/planningContext.js';
import type { EditOperation } from './editOperations.js';
import { scheduleOf } from './retimeDay.js';
import type { StopSpec } from './StopSpec.js';

/** The days being edited: their stops in order and whether each is locked. */
export interface EditState {
  readonly days: Map<string, { stops: StopSpec[]; locked: boolean }>;
  /** Dates whose stops changed and must be re-timed. */
  readonly touched: Set<string>;
}

/**
 * Apply one operation to the stops (not yet timed). Places for `add`/`replace` are in `places`.
 * Refuses with 404 an unknown item or day, with 409 a locked day or a place already planned.
 */
export function applyEdit(
  state: EditState,
  op: EditOperation,
  context: PlanningContext,
  places: ReadonlyMap<string, Place>,
): void {
  switch (op.op) {
    case 'remove': {
      const at = locate(state, op.itemId);
      at.stops.splice(at.index, 1);
      return;
    }
    case 'move': {
      const at = locate(state, op.itemId);
      const [stop] = at.stops.splice(at.index, 1);
      const target = dayOf(state, op.toDate ?? at.date);
      insert(state, context, op.toDate ?? at.date, target.stops, stop!, op.position);
      return;
    }
    case 'swap': {
      const a = locate(state, op.itemId);
      const b = locate(state, op.withItemId);
      const first = a.stops[a.index]!;
      a.stops[a.index] = b.stops[b.index]!;
      b.stops[b.index] = first;
      return;
    }
    case 'setDuration': {
      const at = locate(state, op.itemId);
      at.stops[at.index] = { ...at.stops[at.index]!, durationMinutes: op.minutes };
      return;
    }
    case 'add': {
      const place = places.get(op.placeId)!;
      refuseDuplicate(state, place, 'visit');
      const day = dayOf(state, op.date);
      insert(state, context, op.date, day.stops, { kind: 'visit', place }, op.position);
      return;
    }
    case 'replace': {
      const at = locate(state, op.itemId);
      const old = at.stops[at.index]!;
      const place = places.get(op.placeId)!;
      refuseDuplicate(state, place, old.kind);
      // The new place takes the slot; the traveller's memo and photos were about the old one.
      at.stops[at.index] = { kind: old.kind, place, ...(old.meal ? { meal: old.meal } : {}) };
      return;
    }
    case 'lockDay':
      dayOf(state, op.date, true).locked = op.locked;
      return;
    case 'dismissNote':
      // A detached note is not on any day: the editor drops it from the document (`dismissNotes`).
      return;
  }
}

function dayOf(state: EditState, date: string, forLocking = false) {
  const day = state.days.get(date);
  if (!day)
    throw new AppError('not_found', 'No such day', {
      detail: `${date} is not a day of this itinerary`,
      errors: [{ path: 'body.operations', message: `${date} is not a day of the trip` }],
    });
  if (day.locked && !forLocking)
    throw new AppError('conflict', 'Day locked', {
      detail: `${date} is locked; unlock it (lockDay with locked: false) before changing it`,
    });
  if (!forLocking) state.touched.add(date);
  return day;
}

function locate(state: EditState, itemId: string) {
  for (const [date, day] of state.days) {
    const index = day.stops.findIndex((s) => s.from?.id === itemId);
    if (index >= 0) return { date, index, stops: dayOf(state, date).stops };
  }
  throw new AppError('not_found', 'Item not found', {
    detail: `No visit or meal ${itemId} in this itinerary`,
  });
}

function refuseDuplicate(state: EditState, place: Place, kind: StopSpec['kind']): void {
  const planned = [...state.days.values()].some((d) =>
    d.stops.some((s) => s.place.id === place.id && (kind === 'visit' || s.kind === 'visit')),
  );
  if (planned)
    throw new AppError('conflict', 'Already planned', {
      detail: `${place.name} is already in the itinerary`,
    });
}

/** Insert at `position`, or where it adds the least travel among the orders that stay feasible. */
function insert(
  state: EditState,
  context: PlanningContext,
  date: string,
  stops: StopSpec[],
  stop: StopSpec,
  position: number | undefined,
): void {
  state.touched.add(date);
  if (position !== undefined) {
    stops.splice(Math.min(position, stops.length), 0, stop);
    return;
  }
  let best = { at: stops.length, feasible: false, travel: Infinity };
  for (let at = 0; at <= stops.length; at++) {
    const trial = [...stops.slice(0, at), stop, ...stops.slice(at)];
    const schedule = scheduleOf(context, date, trial);
    const better =
      (schedule.feasible && !best.feasible) ||
      (schedule.feasible === best.feasible && schedule.travelMinutes < best.travel);
    if (better) best = { at, feasible: schedule.feasible, travel: schedule.travelMinutes };
  }
  stops.splice(best.at, 0, stop);
}

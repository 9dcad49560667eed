import { AppError } from '../../errors/AppError.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDocument, ItineraryWarning } from '../ItineraryDocument.js';
import {
  carryLegNotes,
  detachedWarning,
  detachLostDays,
  detachLostStops,
  withDetached,
} from './carryLegNotes.js';
import { checkDays, violationWarning } from './checkDays.js';
import type { RegenerateRequest } from './editOperations.js';
import type { PlanningInputs } from './PlanningInputs.js';
import { replanDays } from './replanDays.js';

/** A regenerated itinerary (not yet stored) and what the traveller should know about it. */
export interface Regenerated {
  next: ItineraryDocument;
  /** Rule breaks left on the planned days, and must-visit places that could not be scheduled. */
  warnings: ItineraryWarning[];
}

/**
 * Plan one day (`date`) or every unlocked day again, keeping locked days, annotated stops and
 * must-visit places; `variation` asks for a different plan. Clears `stale` and `replan`. Pure:
 * the caller loads the inputs and stores the result.
 */
export function regeneratedDocument(
  inputs: PlanningInputs,
  trip: Trip,
  current: ItineraryDocument,
  request: RegenerateRequest,
): Regenerated {
  const tripDates = inputs.context.days.map((d) => d.date);
  const existing = new Map(current.days.map((d) => [d.date, d]));
  if (request.date !== undefined) {
    if (!tripDates.includes(request.date) || !existing.has(request.date))
      throw new AppError('not_found', 'No such day', {
        detail: `${request.date} is not a day of this itinerary; regenerate the whole trip after changing its dates`,
        errors: [{ path: 'body.date', message: 'not a day of the itinerary' }],
      });
    if (existing.get(request.date)!.locked)
      throw new AppError('conflict', 'Day locked', {
        detail: `${request.date} is locked; unlock it first`,
      });
  }
  const dates =
    request.date !== undefined ? [request.date] : tripDates.filter((d) => !existing.get(d)?.locked);
  const result = replanDays(inputs, trip, current.days, {
    dates,
    ...(request.variation !== undefined ? { variation: request.variation } : {}),
  });
  const touched = new Set(dates);
  const check = checkDays(inputs.request, inputs.context, result.days, touched);
  const at = new Date().toISOString();
  const carried = carryLegNotes(current, result.days, touched, at);
  const { days } = carried;
  // Annotated stops are kept on the days planned again; only days the trip no longer has lose them.
  const detached = [
    ...carried.detached,
    ...detachLostStops(current, days, 'a day the trip no longer has', at),
    ...detachLostDays(current, days, 'a day the trip no longer has', at),
  ];
  const warnings: ItineraryWarning[] = [
    ...result.warnings.map((w) => ({ ...w })),
    ...[...check.hard, ...check.soft].map(violationWarning),
    ...result.unscheduled.map((pin) => ({
      code: 'must_visit_unscheduled',
      message: `${pin.name} could not be scheduled: ${pin.reason}`,
      placeId: pin.placeId,
    })),
    ...detached.map(detachedWarning),
  ];
  const { stale: _stale, replan: _replan, ...rest } = current;
  const next: ItineraryDocument = {
    ...rest,
    days,
    ...withDetached(current, detached),
    generatedAt: new Date().toISOString(),
    warnings: [
      ...current.warnings.filter(
        (w) =>
          (!w.date || (!touched.has(w.date) && tripDates.includes(w.date))) &&
          w.code !== 'must_visit_unscheduled',
      ),
      ...warnings,
    ],
  };
  return { next, warnings };
}

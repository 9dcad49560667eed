import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { HARD_VIOLATIONS, toPlanDay } from '../../../src/shared/itinerary/edit/checkDays.js';
import { loadPlanningInputs } from '../../../src/shared/itinerary/edit/PlanningInputs.js';
import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { placeServicesSource } from '../../../src/shared/pipeline/placeServicesSource.js';
import { validateItinerary } from '../../../src/shared/planner/validateItinerary.js';
import type { Itinerary } from './editingClient.js';

/** Hard violations (hours, overlaps, legs, day bounds) of a served itinerary by the planner's validator. */
export async function hardViolations(app: AppContext, ownerId: string, tripId: string, itinerary: Itinerary) {
  const { trip } = await app.trips.get(ownerId, tripId);
  const doc = { ...itinerary, jobId: '' } as ItineraryDocument;
  const inputs = await loadPlanningInputs(placeServicesSource(app.places), trip, doc);
  const report = validateItinerary(inputs.request, { days: itinerary.days.map(toPlanDay) });
  return report.violations.filter((v) => HARD_VIOLATIONS.has(v.kind));
}

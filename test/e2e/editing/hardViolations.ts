import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { HARD_VIOLATIONS, toPlanDay } from '../../../src/shared/itinerary/edit/checkDays.js';
import { loadPlanningInputs } from '../../../src/shared/itinerary/edit/PlanningInputs.js';
import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { placeServicesSource } from '../../../src/shared/pipeline/placeServicesSource.js';
import { validateItinerary } from '../../../src/shared/planner/validateItinerary.js';
import type { Itinerary } from './editingClient.js';

/**
 * Hard violations (hours, overlaps, legs, day bounds) of a served itinerary by the planner's validator.
 * GET serves places in the reader's language; the validator checks each against the provider's own
 * record (id, name, location), so a localized place is checked under its name as written locally.
 */
export async function hardViolations(app: AppContext, ownerId: string, tripId: string, itinerary: Itinerary) {
  const { trip } = await app.trips.get(ownerId, tripId);
  const days = itinerary.days.map((day) => ({
    ...day,
    items: day.items.map((item) =>
      item.place?.nameOriginal === undefined
        ? item
        : { ...item, place: { ...item.place, name: item.place.nameOriginal } },
    ),
  }));
  const doc = { ...itinerary, days, jobId: '' } as ItineraryDocument;
  const inputs = await loadPlanningInputs(placeServicesSource(app.places), trip, doc);
  const report = validateItinerary(inputs.request, { days: days.map(toPlanDay) });
  return report.violations.filter((v) => HARD_VIOLATIONS.has(v.kind));
}

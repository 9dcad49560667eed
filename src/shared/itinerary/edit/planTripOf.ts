import type { PlanTrip } from '../../planner/planTypes.js';
import type { Trip } from '../../trips/tripSchema.js';

/** The fields of a stored trip the planner reads. */
export function planTripOf(trip: Trip): PlanTrip {
  return {
    startDate: trip.startDate,
    endDate: trip.endDate,
    dailyStart: trip.dailyStart,
    dailyEnd: trip.dailyEnd,
    accommodation: trip.accommodation,
    transport: trip.transport,
    members: trip.members,
    language: trip.language,
  };
}

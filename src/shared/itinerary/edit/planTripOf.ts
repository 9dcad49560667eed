import type { PlanTrip } from '../../planner/planTypes.js';
import type { Trip } from '../../trips/tripSchema.js';

/**
 * The fields of a stored trip the planner reads, the same ones generation passes: the destination
 * sets the local clock (so sunset, which ends outdoor visits) and where candidates are searched.
 */
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
    destination: trip.destination,
  };
}

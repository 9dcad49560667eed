import type { ItineraryDocument } from './ItineraryDocument.js';

/** The itinerary as clients see it (the job that produced it is internal bookkeeping). */
export function publicItinerary(doc: ItineraryDocument): Omit<ItineraryDocument, 'jobId'> {
  const { jobId: _jobId, ...view } = doc;
  return view;
}

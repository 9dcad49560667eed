import { parseOrThrow } from '../errors/validationError.js';
import type { AttachmentSigner } from '../itinerary/AttachmentSigner.js';
import type { ItineraryStore } from '../itinerary/ItineraryStore.js';
import type { JobStore } from '../jobs/JobStore.js';
import { type Trip, type TripInput, tripInputSchema } from './tripSchema.js';
import type { Page, TripStore } from './TripStore.js';

export interface TripServiceDeps {
  trips: TripStore;
  jobs: JobStore;
  itineraries: ItineraryStore;
  attachments?: Pick<AttachmentSigner, 'deletePrefix'>;
}

/** Trip use cases. Every call is scoped to the caller (`ownerId`); other users' trips are 404. */
export class TripService {
  readonly #deps: Readonly<TripServiceDeps>;

  constructor(deps: Readonly<TripServiceDeps>) {
    this.#deps = deps;
  }

  async create(ownerId: string, input: TripInput) {
    return this.#deps.trips.create(ownerId, input);
  }

  async get(ownerId: string, tripId: string) {
    return this.#deps.trips.get(ownerId, tripId);
  }

  async list(ownerId: string, pageSize: number, cursor?: string): Promise<Page<Trip>> {
    return this.#deps.trips.list(ownerId, pageSize, cursor);
  }

  async replace(ownerId: string, tripId: string, input: TripInput, ifMatch: string) {
    return this.#deps.trips.replace(ownerId, tripId, input, ifMatch);
  }

  /** Merge a partial document into the stored trip (JSON merge patch, RFC 7396) and validate the result. */
  async patch(ownerId: string, tripId: string, patch: Record<string, unknown>, ifMatch: string) {
    const { trip } = await this.#deps.trips.get(ownerId, tripId);
    const { id: _id, ownerId: _o, createdAt: _c, updatedAt: _u, ...current } = trip;
    const merged = mergePatch(current, patch);
    const input = parseOrThrow(tripInputSchema, merged, 'body');
    return this.#deps.trips.replace(ownerId, tripId, input, ifMatch);
  }

  /** Delete the trip and everything hanging off it: jobs, itinerary, attachments. */
  async delete(ownerId: string, tripId: string, ifMatch?: string): Promise<void> {
    await this.#deps.trips.get(ownerId, tripId);
    await this.#deps.jobs.deleteForTrip(tripId);
    await this.#deps.itineraries.delete(ownerId, tripId);
    await this.#deps.attachments?.deletePrefix(`${encodeURIComponent(ownerId)}/${tripId}/`);
    await this.#deps.trips.delete(ownerId, tripId, ifMatch);
  }
}

/** RFC 7396 JSON merge patch: objects merge, `null` deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

import { AppError } from '../errors/AppError.js';
import { parseOrThrow } from '../errors/validationError.js';
import type { AttachmentSigner } from '../itinerary/AttachmentSigner.js';
import type { ItineraryStore } from '../itinerary/ItineraryStore.js';
import type { JobEventBus } from '../jobs/JobEventBus.js';
import type { JobStore } from '../jobs/JobStore.js';
import { mergePatch } from './mergePatch.js';
import { type Trip, type TripInput, tripInputSchema } from './tripSchema.js';
import type { Page, TripStore } from './TripStore.js';

export { mergePatch } from './mergePatch.js';

export interface TripServiceDeps {
  trips: TripStore;
  jobs: JobStore;
  itineraries: ItineraryStore;
  attachments?: Pick<AttachmentSigner, 'deletePrefix'>;
  /** Job status caches to clear when a trip's jobs are deleted. */
  events?: Pick<JobEventBus, 'forget'>;
  /** Deletes the trip's other dependents (itinerary versions, share link); idempotent. */
  forget?: (ownerId: string, tripId: string) => Promise<void>;
}

/** A delete that began this long ago and is still marked was interrupted: the sweeper finishes it. */
const DELETE_GRACE_MS = 2 * 60_000;

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

  /**
   * Delete the trip and everything hanging off it, all or nothing as seen by clients: the precondition
   * is checked before anything changes; then the trip is marked (readers get 404 from that moment),
   * its jobs, itinerary, attachments, versions and share link are deleted, and the row goes last. Each step is idempotent,
   * so a delete interrupted half-way is finished by `finishInterruptedDeletes`.
   */
  async delete(ownerId: string, tripId: string, ifMatch?: string): Promise<void> {
    const { etag } = await this.#deps.trips.get(ownerId, tripId);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etag)
      throw new AppError('precondition_failed', 'ETag mismatch', {
        detail: 'The trip changed since you read it: GET it again and retry with the new ETag',
      });
    const marked = await this.#deps.trips.markDeleting(ownerId, tripId, etag);
    await this.#purge(ownerId, tripId, marked);
  }

  /** The sweeper's half: finish deletes that began more than two minutes ago and were interrupted. */
  async finishInterruptedDeletes(now = Date.now()): Promise<number> {
    const pending = await this.#deps.trips.listDeletingBefore(new Date(now - DELETE_GRACE_MS).toISOString());
    for (const { ownerId, tripId } of pending) await this.#purge(ownerId, tripId);
    return pending.length;
  }

  async #purge(ownerId: string, tripId: string, etag = '*'): Promise<void> {
    const jobIds = await this.#deps.jobs.deleteForTrip(tripId);
    await this.#deps.events?.forget?.(jobIds);
    await this.#deps.itineraries.delete(ownerId, tripId);
    await this.#deps.attachments?.deletePrefix(`${encodeURIComponent(ownerId)}/${tripId}/`);
    await this.#deps.forget?.(ownerId, tripId);
    await this.#deps.trips.delete(ownerId, tripId, etag).catch((error: unknown) => {
      // Finished meanwhile by the sweeper or a retried request: the trip is gone either way.
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    });
  }
}

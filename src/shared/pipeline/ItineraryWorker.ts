import { randomUUID } from 'node:crypto';

import { AppError, isAppError } from '../errors/AppError.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { ItineraryStore, StoredItinerary } from '../itinerary/ItineraryStore.js';
import type { ItineraryVersions } from '../itinerary/ItineraryVersions.js';
import { orphanedBlobNames } from '../itinerary/photos/photoRecords.js';
import { type Job, type JobMessage, jobMessageSchema, type JobStep, TERMINAL } from '../jobs/Job.js';
import type { JobLifecycle } from '../jobs/JobLifecycle.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Trip } from '../trips/tripSchema.js';
import type { TripStore } from '../trips/TripStore.js';
import { carryOverMemos } from './carryOverMemos.js';
import { type ItineraryGenerator, plannedAroundTooLate } from './ItineraryGenerator.js';

export interface ItineraryWorkerDeps {
  trips: TripStore;
  jobs: JobStore;
  lifecycle: JobLifecycle;
  itineraries: ItineraryStore;
  generator: ItineraryGenerator;
  logger: Logger;
  /** Where photo blobs are deleted when the new itinerary no longer references them (`PhotoBlobs`). */
  photoBlobs?: { delete(blobName: string): Promise<void> };
  /** Where the itinerary a job replaces is kept, as edits keep theirs (`ItineraryVersions`). */
  versions?: Pick<ItineraryVersions, 'save'>;
  /** Test seam: runs between storing the itinerary and completing the job (a crash there must be undone). */
  afterStore?: (jobId: string) => Promise<void>;
}

export interface Delivery {
  /** 1 on first delivery. */
  deliveryCount: number;
  /** After this many deliveries the message is dead-lettered / poisoned. */
  maxDeliveries: number;
  signal?: AbortSignal;
}

export type WorkerOutcome = 'completed' | 'failed' | 'skipped';

/**
 * The body of the itinerary worker, shared by the Service Bus and Storage-queue triggers.
 * - Exactly one generation per job: a delivery first claims the job (a conditional update to running
 *   with a lease, renewed while it works); a concurrent or later duplicate finds it claimed or
 *   terminal and is acknowledged without work. A crashed worker's lease runs out and the sweeper
 *   requeues the job.
 * - Jobs for one trip coalesce: a job that finds a newer one for its trip ends `superseded`.
 * - Transient failures release the job and are rethrown so the message is redelivered; on the last
 *   delivery the job is failed first. Permanent failures end the job `failed` with a code.
 * - A trip deleted while its job ran: the stored itinerary is discarded.
 */
export class ItineraryWorker {
  readonly #deps: Readonly<ItineraryWorkerDeps>;

  constructor(deps: Readonly<ItineraryWorkerDeps>) {
    this.#deps = deps;
  }

  async process(body: unknown, delivery: Readonly<Delivery>): Promise<WorkerOutcome> {
    const { jobs, lifecycle, logger } = this.#deps;
    const parsed = jobMessageSchema.safeParse(body);
    if (!parsed.success) {
      // Nothing identifies a job: let the queue's poison/dead-letter path keep the message for inspection.
      throw new AppError('validation_failed', 'Malformed job message', { transient: false });
    }
    const message = parsed.data;
    const found = await jobs.find(message.jobId);
    if (!found) {
      logger.warn('job not found; message dropped', { jobId: message.jobId });
      return 'skipped';
    }
    if (TERMINAL.has(found.job.status)) return 'skipped';

    const trip = await this.#trip(message.ownerId, message.tripId);
    if (!trip) {
      await lifecycle.fail(
        message.jobId,
        'trip_not_found',
        'The trip was deleted before its itinerary was generated',
      );
      return 'failed';
    }
    const owner = randomUUID();
    if (!(await lifecycle.claim(message.jobId, owner))) return 'skipped';
    const newer = await this.#newerJob(found.job);
    if (newer) return this.#superseded(message.jobId, newer);
    const existing = await this.#deps.itineraries.find(message.ownerId, message.tripId);
    if (existing?.doc.jobId === message.jobId) {
      // Stored by an earlier delivery that crashed before completing the job.
      await lifecycle.complete(message.jobId, owner);
      return 'completed';
    }

    // One line per generation actually started: what "generated exactly once" is counted by.
    this.#deps.logger.info('generation started', { jobId: message.jobId, tripId: message.tripId });
    let step: JobStep = 'gathering_places';
    let progress = 5;
    const renew = setInterval(
      () => void lifecycle.progress(message.jobId, owner, step, progress).catch(() => undefined),
      Math.max(1_000, lifecycle.leaseMs / 3),
    );
    try {
      const signal = delivery.signal ?? AbortSignal.timeout(4 * 60_000);
      const report = async (nextStep: JobStep, nextProgress: number) => {
        step = nextStep;
        progress = nextProgress;
        await lifecycle.progress(message.jobId, owner, step, progress);
      };
      const { generator } = this.#deps;
      // Days the traveller locked are kept: the other days are planned around them (as regenerate does).
      const plan =
        existing && hasLockedDay(existing.doc, trip) && generator.planAroundLockedDays
          ? await generator.planAroundLockedDays(trip, existing.doc, report, signal)
          : undefined;
      const generated = plan ? undefined : await generator.generate(trip, message.options, report, signal);
      step = 'storing';
      progress = 95;
      await lifecycle.progress(message.jobId, owner, step, progress);
      // A newer job for the trip that completed while this one generated holds the newer plan: keep it.
      const overtaken = await this.#newerJob(found.job, true);
      if (overtaken) return await this.#superseded(message.jobId, overtaken);
      const stamp = { tripId: message.tripId, jobId: message.jobId, generatedAt: new Date().toISOString() };
      await this.#storeAndComplete(message, owner, (current) => {
        if (plan) {
          // Deleted meanwhile (the trip check below discards the result then): the job's starting document.
          const around = current ?? existing!.doc;
          return { ...plan(around), ...stamp, revision: nextRevision(around) };
        }
        // A day locked while this job generated must not be planned over: the next delivery plans around it.
        if (current && hasLockedDay(current, trip)) throw plannedAroundTooLate();
        const doc: ItineraryDocument = { ...generated!, ...stamp };
        return current ? carryOverMemos(doc, current) : doc;
      });
      return 'completed';
    } catch (error) {
      return await this.#failed(message, owner, error, delivery);
    } finally {
      clearInterval(renew);
    }
  }

  /** End the job `superseded`, pointing at the newer job for its trip. */
  async #superseded(jobId: string, newer: string): Promise<WorkerOutcome> {
    await this.#deps.lifecycle.fail(
      jobId,
      'superseded',
      `A newer job for this trip replaced this one: /api/jobs/${newer}`,
    );
    return 'failed';
  }

  /** Dead-letter / poison handler: the message will not be retried again, so its job ends failed. */
  async deadLettered(body: unknown, reason: string): Promise<void> {
    const parsed = jobMessageSchema.safeParse(body);
    if (!parsed.success) {
      this.#deps.logger.error('dead-lettered message is not a job message', { reason });
      return;
    }
    await this.#deps.lifecycle.fail(
      parsed.data.jobId,
      'dead_lettered',
      `The job message was dead-lettered: ${reason}`,
    );
  }

  async #failed(
    message: JobMessage,
    owner: string,
    error: unknown,
    delivery: Readonly<Delivery>,
  ): Promise<WorkerOutcome> {
    const { lifecycle, logger } = this.#deps;
    // Unknown throws (a crash, a bug in a dependency) are retried like transient faults: a redelivery is
    // cheap and the delivery limit bounds it.
    const transient = isAppError(error) ? error.transient : true;
    const last = delivery.deliveryCount >= delivery.maxDeliveries;
    const code = isAppError(error) ? error.code : 'internal';
    logger.warn('job attempt failed', {
      jobId: message.jobId,
      code,
      transient,
      deliveryCount: delivery.deliveryCount,
    });
    const text = isAppError(error) ? (error.detail ?? error.message) : 'The itinerary could not be generated';
    if (!transient) {
      await lifecycle.fail(message.jobId, code, text);
      return 'failed';
    }
    if (last) {
      // Record why before the message moves to the poison / dead-letter queue, where it stays for inspection.
      await lifecycle.fail(message.jobId, code, `${text} (gave up after ${delivery.deliveryCount} attempts)`);
    } else {
      await lifecycle.release(message.jobId, owner).catch(() => undefined);
    }
    throw error;
  }

  /**
   * Store what `build` makes of the current document (undefined when there is none) and complete the
   * job. `build` runs again on the newer document when a write races this one, so memos and photos
   * the user added, also meanwhile, are carried over (`base` is the document the winning write replaced).
   */
  async #storeAndComplete(
    message: JobMessage,
    owner: string,
    build: (current: ItineraryDocument | undefined) => ItineraryDocument,
  ): Promise<void> {
    const { itineraries, lifecycle } = this.#deps;
    const { ownerId, tripId, jobId } = message;
    const previous = await itineraries.find(ownerId, tripId);
    let base = previous?.doc;
    const stored: StoredItinerary = previous
      ? await itineraries.update(ownerId, tripId, (current) => build((base = current)))
      : await (async () => {
          const doc = build(undefined);
          return { doc, etag: await itineraries.put(ownerId, tripId, doc, null) };
        })();
    if (!(await this.#trip(ownerId, tripId))) {
      // The trip was deleted while we generated: its delete may already have removed the itinerary, so
      // ours would resurrect it. Discard it; the job row went with the trip.
      await itineraries.delete(ownerId, tripId);
      throw new AppError('not_found', 'Trip deleted', {
        detail: 'The trip was deleted before its itinerary was stored',
        transient: false,
      });
    }
    try {
      // The replaced plan stays restorable; kept before the job completes, so a failure undoes the store.
      if (base) await this.#deps.versions?.save(ownerId, tripId, base, `generation job ${jobId}`);
      await this.#deps.afterStore?.(jobId);
      await lifecycle.complete(jobId, owner);
    } catch (error) {
      // Compensate: put back what readers saw before, so the store holds the old or the complete new state.
      if (base) await itineraries.put(ownerId, tripId, base, stored.etag).catch(() => undefined);
      else await itineraries.delete(ownerId, tripId).catch(() => undefined);
      throw error;
    }
    if (base) await this.#deleteOrphanedPhotos(tripId, base, stored.doc);
  }

  /**
   * Blobs of photo records the replaced document had and the stored one has not, deleted as the
   * editor does. Carrying over keeps every record, so this finds nothing unless that ever changes;
   * it runs only once the job is complete, when no compensation can bring the records back.
   */
  async #deleteOrphanedPhotos(tripId: string, before: ItineraryDocument, after: ItineraryDocument) {
    for (const blobName of orphanedBlobNames(before, after))
      await this.#deps.photoBlobs?.delete(blobName).catch((error: unknown) => {
        this.#deps.logger.warn('orphaned photo not deleted', { tripId, error: String(error) });
      });
  }

  /**
   * A job for the same trip submitted after this one that is still to run or has completed: this one
   * is superseded. A completed newer job counts too, or a late delivery of an older job would store its
   * older plan over the newer one; a newer job that failed does not, so this one still gives the trip a plan.
   */
  async #newerJob(job: Job, onlyCompleted = false): Promise<string | undefined> {
    const siblings = await this.#deps.jobs.listJobsOfTrip(job.tripId);
    return siblings.find(
      (other) =>
        (other.status === 'completed' || (!onlyCompleted && !TERMINAL.has(other.status))) &&
        (other.createdAt > job.createdAt || (other.createdAt === job.createdAt && other.jobId > job.jobId)),
    )?.jobId;
  }

  async #trip(ownerId: string, tripId: string) {
    try {
      return (await this.#deps.trips.get(ownerId, tripId)).trip;
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return undefined;
      throw error;
    }
  }
}

/** Whether `doc` has a locked day that is still a day of the trip. */
function hasLockedDay(doc: ItineraryDocument, trip: Trip): boolean {
  return doc.days.some((d) => d.locked && d.date >= trip.startDate && d.date <= trip.endDate);
}

/** The revision after `current`'s: versions are kept by revision, so none is ever reused. */
function nextRevision(current: ItineraryDocument): number {
  return (current.revision ?? 0) + 1;
}

import { AppError, isAppError } from '../errors/AppError.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { ItineraryStore, StoredItinerary } from '../itinerary/ItineraryStore.js';
import { type Job, jobMessageSchema, TERMINAL } from '../jobs/Job.js';
import type { JobEventBus } from '../jobs/JobEventBus.js';
import type { JobStore } from '../jobs/JobStore.js';
import type { Logger } from '../telemetry/Logger.js';
import type { TripStore } from '../trips/TripStore.js';
import type { ItineraryGenerator } from './ItineraryGenerator.js';

export interface ItineraryWorkerDeps {
  trips: TripStore;
  jobs: JobStore;
  itineraries: ItineraryStore;
  events: JobEventBus;
  generator: ItineraryGenerator;
  logger: Logger;
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
 * - Idempotent: a completed job, or one whose itinerary is already stored, is acknowledged without work.
 * - Transient failures are rethrown so the message is redelivered; on the last delivery the job is
 *   marked failed first and the message still goes to the poison / dead-letter queue.
 * - Permanent failures end the job `failed` with a code, and the message is acknowledged.
 * - Storing is compensated: if completing the job fails after the itinerary was written, the previous
 *   itinerary is restored before the error propagates.
 */
export class ItineraryWorker {
  readonly #deps: Readonly<ItineraryWorkerDeps>;

  constructor(deps: Readonly<ItineraryWorkerDeps>) {
    this.#deps = deps;
  }

  async process(body: unknown, delivery: Readonly<Delivery>): Promise<WorkerOutcome> {
    const { jobs, trips, logger } = this.#deps;
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

    const trip = await trips.get(message.ownerId, message.tripId).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') return undefined;
      throw error;
    });
    if (!trip) {
      await this.#fail(
        message.jobId,
        'trip_not_found',
        'The trip was deleted before its itinerary was generated',
      );
      return 'failed';
    }
    const existing = await this.#deps.itineraries.find(message.ownerId, message.tripId);
    if (existing?.doc.jobId === message.jobId) {
      // Stored by an earlier delivery that crashed before completing the job.
      await this.#complete(message.jobId);
      return 'completed';
    }

    try {
      await this.#update(message.jobId, (j) => ({
        ...j,
        status: 'running',
        step: 'gathering_places',
        progress: 5,
        attempts: j.attempts + 1,
      }));
      const signal = delivery.signal ?? AbortSignal.timeout(4 * 60_000);
      const generated = await this.#deps.generator.generate(
        trip.trip,
        message.options,
        async (step, progress) =>
          void (await this.#update(message.jobId, (j) => ({ ...j, status: 'running', step, progress }))),
        signal,
      );
      await this.#update(message.jobId, (j) => ({ ...j, step: 'storing', progress: 95 }));
      const doc: ItineraryDocument = {
        ...generated,
        tripId: message.tripId,
        jobId: message.jobId,
        generatedAt: new Date().toISOString(),
      };
      await this.#storeAndComplete(message.ownerId, message.tripId, message.jobId, doc, existing);
      return 'completed';
    } catch (error) {
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
      const text = isAppError(error)
        ? (error.detail ?? error.message)
        : 'The itinerary could not be generated';
      if (!transient) {
        await this.#fail(message.jobId, code, text);
        return 'failed';
      }
      if (last) {
        // Record why before the message moves to the poison / dead-letter queue, where it stays for inspection.
        await this.#fail(message.jobId, code, `${text} (gave up after ${delivery.deliveryCount} attempts)`);
      } else {
        await this.#update(message.jobId, (j) => ({
          ...j,
          status: 'queued',
          step: 'queued',
          progress: 0,
        })).catch(() => undefined);
      }
      throw error;
    }
  }

  /** Dead-letter / poison handler: the message will not be retried again, so its job ends failed. */
  async deadLettered(body: unknown, reason: string): Promise<void> {
    const parsed = jobMessageSchema.safeParse(body);
    if (!parsed.success) {
      this.#deps.logger.error('dead-lettered message is not a job message', { reason });
      return;
    }
    await this.#fail(parsed.data.jobId, 'dead_lettered', `The job message was dead-lettered: ${reason}`);
  }

  async #storeAndComplete(
    ownerId: string,
    tripId: string,
    jobId: string,
    doc: ItineraryDocument,
    previous: StoredItinerary | undefined,
  ): Promise<void> {
    const { itineraries } = this.#deps;
    let current = previous;
    let etag: string | undefined;
    // Another writer (a concurrent job for the same trip, a memo, the verifier) may have changed the
    // document since we read it: re-read and write again, carrying its memos over. The latest job wins.
    for (let attempt = 0; etag === undefined; attempt++) {
      try {
        etag = await itineraries.put(
          ownerId,
          tripId,
          carryOverMemos(doc, current?.doc),
          current ? current.etag : null,
        );
      } catch (error) {
        if (!(isAppError(error) && error.code === 'precondition_failed') || attempt >= 4) throw error;
        current = await itineraries.find(ownerId, tripId);
      }
    }
    if (!(await this.#tripExists(ownerId, tripId))) {
      // The trip was deleted while we generated: its delete may already have removed the itinerary, so
      // ours would resurrect it. Discard it; the job row went with the trip.
      await itineraries.delete(ownerId, tripId);
      throw new AppError('not_found', 'Trip deleted', {
        detail: 'The trip was deleted before its itinerary was stored',
        transient: false,
      });
    }
    try {
      await this.#deps.afterStore?.(jobId);
      await this.#complete(jobId);
    } catch (error) {
      // Compensate: put back what readers saw before, so the store holds the old or the complete new state.
      if (current) await itineraries.put(ownerId, tripId, current.doc, etag).catch(() => undefined);
      else await itineraries.delete(ownerId, tripId).catch(() => undefined);
      throw error;
    }
  }

  async #tripExists(ownerId: string, tripId: string): Promise<boolean> {
    try {
      await this.#deps.trips.get(ownerId, tripId);
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return false;
      throw error;
    }
  }

  async #complete(jobId: string): Promise<void> {
    await this.#update(jobId, (j) => ({
      ...j,
      status: 'completed',
      step: 'completed',
      progress: 100,
      error: undefined,
    }));
  }

  async #fail(jobId: string, code: string, message: string): Promise<void> {
    await this.#update(jobId, (j) =>
      TERMINAL.has(j.status)
        ? undefined
        : { ...j, status: 'failed', step: 'failed', error: { code, message } },
    );
  }

  async #update(jobId: string, change: (job: Job) => Job | undefined): Promise<Job | undefined> {
    const job = await this.#deps.jobs.update(jobId, change);
    if (job) await this.#deps.events.publish(job);
    return job;
  }
}

/** Memos and attachments the user added stay with items that keep their id in the new plan. */
function carryOverMemos(doc: ItineraryDocument, previous: ItineraryDocument | undefined): ItineraryDocument {
  if (!previous) return doc;
  const old = new Map(previous.days.flatMap((d) => d.items).map((i) => [i.id, i]));
  return {
    ...doc,
    days: doc.days.map((day) => ({
      ...day,
      items: day.items.map((item) => {
        const before = old.get(item.id);
        return before ? { ...item, memo: before.memo, attachments: before.attachments } : item;
      }),
    })),
  };
}

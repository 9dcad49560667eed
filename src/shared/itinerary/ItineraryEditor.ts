import type { Place } from '../domain/place.js';
import { AppError } from '../errors/AppError.js';
import type { PlaceSource } from '../planner/PlaceSource.js';
import type { Violation } from '../planner/validateItinerary.js';
import type { Logger } from '../telemetry/Logger.js';
import type { Trip } from '../trips/tripSchema.js';
import { applyEdit, type EditState } from './edit/applyEdit.js';
import { carryLegNotes, detachedWarning, detachLostStops, withDetached } from './edit/carryLegNotes.js';
import { checkDays, violationWarning } from './edit/checkDays.js';
import type { EditRequest, RegenerateRequest } from './edit/editOperations.js';
import { findAlternatives } from './edit/findAlternatives.js';
import { loadPlanningInputs } from './edit/PlanningInputs.js';
import { regeneratedDocument } from './edit/regeneratedDocument.js';
import { repairDay } from './edit/repairDay.js';
import { retimeDay } from './edit/retimeDay.js';
import { stopsOf } from './edit/StopSpec.js';
import type { ItineraryDocument, ItineraryWarning } from './ItineraryDocument.js';
import type { ItineraryStore, StoredItinerary } from './ItineraryStore.js';
import type { ItineraryVersions } from './ItineraryVersions.js';
import { orphanedBlobNames, withCurrentPhotos } from './photos/photoRecords.js';

export interface ItineraryEditorDeps {
  store: ItineraryStore;
  versions: ItineraryVersions;
  trips: { get(ownerId: string, tripId: string): Promise<{ trip: Trip }> };
  source: PlaceSource;
  /** Where photo blobs are deleted when a write leaves them without an item (`PhotoBlobs`). */
  photoBlobs?: { delete(blobName: string): Promise<void> };
  logger?: Logger;
}

/** The result of a write: the new itinerary, its ETag, and what the traveller should know. */
export interface EditResult extends StoredItinerary {
  /** Rule breaks the edit left (only when forced) and advice such as a missing meal. */
  warnings: ItineraryWarning[];
}

/**
 * Edits to a generated itinerary. Each edit changes the stops of one or more days, re-times those
 * days with the planner's own scheduling, and validates the result with the planner's validator:
 * a hard violation refuses the edit (409, nothing written) unless `force`, when it is applied and
 * reported. The document before every write is kept as a version.
 */
export class ItineraryEditor {
  readonly #d: Readonly<ItineraryEditorDeps>;

  constructor(deps: Readonly<ItineraryEditorDeps>) {
    this.#d = deps;
  }

  async edit(
    ownerId: string,
    tripId: string,
    request: EditRequest,
    ifMatch: string,
    signal?: AbortSignal,
  ): Promise<EditResult> {
    const { trip } = await this.#d.trips.get(ownerId, tripId);
    const current = await this.current(ownerId, tripId, ifMatch);
    if (request.operations.every((op) => op.op === 'dismissNote')) {
      // Nothing to plan: no place lookups, so this works while the map providers are down.
      const saved = await this.commit(
        ownerId,
        tripId,
        current,
        dismissNotes(current.doc, request),
        describe(request),
      );
      return { ...saved, warnings: [] };
    }
    const extraIds = request.operations.flatMap((op) =>
      op.op === 'add' || op.op === 'replace' ? [op.placeId] : [],
    );
    const inputs = await loadPlanningInputs(this.#d.source, trip, current.doc, extraIds, signal);
    const state: EditState = {
      days: new Map(current.doc.days.map((d) => [d.date, { stops: stopsOf(d), locked: d.locked === true }])),
      touched: new Set(),
    };
    for (const op of request.operations) applyEdit(state, op, inputs.context, inputs.placeById);

    const retimed = current.doc.days.map((day) => {
      const edited = state.days.get(day.date)!;
      if (!state.touched.has(day.date))
        return { ...day, ...(edited.locked ? { locked: true } : { locked: undefined }) };
      return retimeDay(inputs, day.date, edited.stops, edited.locked);
    });
    const check = checkDays(inputs.request, inputs.context, retimed, state.touched);
    if (check.hard.length > 0 && !request.force) throw refused(check.hard);
    const { days, detached } = carryLegNotes(current.doc, retimed, state.touched, new Date().toISOString());
    const warnings = [...check.hard, ...check.soft]
      .map(violationWarning)
      .concat(detached.map(detachedWarning));
    const next: ItineraryDocument = dismissNotes(
      {
        ...current.doc,
        days,
        ...withDetached(current.doc, detached),
        warnings: [...current.doc.warnings.filter((w) => !w.date || !state.touched.has(w.date)), ...warnings],
      },
      request,
    );
    const saved = await this.commit(ownerId, tripId, current, next, describe(request));
    // A note detached and dismissed by the same request is not news to the traveller.
    const dismissed = new Set(
      request.operations.flatMap((op) => (op.op === 'dismissNote' ? [op.itemId] : [])),
    );
    return {
      ...saved,
      warnings: warnings.filter((w) => w.code !== 'note_detached' || !dismissed.has(w.itemId ?? '')),
    };
  }

  /** Places that could take an item's slot, best first (GET …/items/{itemId}/alternatives). */
  async alternatives(ownerId: string, tripId: string, itemId: string, limit: number, signal?: AbortSignal) {
    const { trip } = await this.#d.trips.get(ownerId, tripId);
    const { doc } = await this.#d.store.get(ownerId, tripId);
    const inputs = await loadPlanningInputs(this.#d.source, trip, doc, [], signal);
    return findAlternatives(inputs, trip, doc, itemId, limit);
  }

  /**
   * Plan one day (`date`) or every unlocked day again, keeping locked days, annotated stops and
   * must-visit places; `variation` asks for a different plan. Clears `stale` and `replan`.
   */
  async regenerate(
    ownerId: string,
    tripId: string,
    request: RegenerateRequest,
    ifMatch: string,
    signal?: AbortSignal,
  ): Promise<EditResult> {
    const { trip } = await this.#d.trips.get(ownerId, tripId);
    const current = await this.current(ownerId, tripId, ifMatch);
    const inputs = await loadPlanningInputs(this.#d.source, trip, current.doc, trip.mustVisit ?? [], signal);
    const { next, warnings } = regeneratedDocument(inputs, trip, current.doc, request);
    const reason = `regenerate ${request.date ?? 'trip'}${request.variation !== undefined ? ` (variation ${request.variation})` : ''}`;
    const saved = await this.commit(ownerId, tripId, current, next, reason);
    return { ...saved, warnings };
  }

  /**
   * Repair the days where a place is now closed at the planned time (the verifier found it; `fresh`
   * are the places as the providers describe them now): re-time, else replace or drop the closed
   * stop, keeping every other stop with its memo. Each change is recorded in `changes` with a
   * traveller-facing note. Locked days are left alone (their warnings stand). Returns the notes.
   */
  async repairClosed(ownerId: string, tripId: string, fresh: ReadonlyMap<string, Place>): Promise<string[]> {
    const { trip } = await this.#d.trips.get(ownerId, tripId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.#d.store.get(ownerId, tripId);
      const inputs = await loadPlanningInputs(this.#d.source, trip, current.doc, [], undefined, fresh);
      let doc = current.doc;
      const notes: { date: string; note: string }[] = [];
      for (const day of current.doc.days.filter((d) => !d.locked)) {
        if (!inputs.context.days.some((d) => d.date === day.date)) continue;
        const repaired = repairDay(inputs, trip, doc, day.date);
        if (!repaired) continue;
        doc = { ...doc, days: doc.days.map((d) => (d.date === day.date ? repaired.day : d)) };
        notes.push(...repaired.notes.map((note) => ({ date: day.date, note })));
      }
      if (notes.length === 0) return [];
      const at = new Date().toISOString();
      const repairedDates = new Set(notes.map((n) => n.date));
      const { replan: _replan, ...rest } = doc;
      const carried = carryLegNotes(current.doc, doc.days, repairedDates, at);
      const { days } = carried;
      const detached = [
        ...carried.detached,
        ...detachLostStops(current.doc, days, 'which closed and was taken out of the plan', at),
      ];
      const next: ItineraryDocument = {
        ...rest,
        days,
        ...withDetached(current.doc, detached),
        warnings: [
          ...doc.warnings.filter((w) => !(w.code === 'hours_changed' && w.date && repairedDates.has(w.date))),
          ...notes.map((n) => ({ code: 'repaired_hours_changed', message: n.note, date: n.date })),
          ...detached.map(detachedWarning),
        ],
        changes: [...(doc.changes ?? []), ...notes.map((n) => ({ at, ...n }))],
      };
      try {
        await this.commit(ownerId, tripId, current, next, 'verifier repair');
        return notes.map((n) => n.note);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'precondition_failed')) throw error;
      }
    }
    return [];
  }

  /** The stored itinerary, if it still has the ETag the caller read (412 otherwise). */
  async current(ownerId: string, tripId: string, ifMatch: string): Promise<StoredItinerary> {
    const current = await this.#d.store.get(ownerId, tripId);
    if (current.etag !== ifMatch)
      throw new AppError('precondition_failed', 'ETag mismatch', {
        detail: 'The itinerary changed since you read it; read it again',
      });
    return current;
  }

  /** Keep the current document as a version, then write the next one (conditional on the ETag read). */
  async commit(
    ownerId: string,
    tripId: string,
    current: StoredItinerary,
    next: ItineraryDocument,
    reason: string,
  ): Promise<StoredItinerary> {
    await this.#d.versions.save(ownerId, tripId, current.doc, reason);
    const doc = { ...next, revision: (current.doc.revision ?? 0) + 1 };
    const etag = await this.#d.store.put(ownerId, tripId, doc, current.etag);
    // Only once the new document is stored: a refused or lost write deletes nothing.
    for (const blobName of orphanedBlobNames(current.doc, doc))
      await this.#d.photoBlobs?.delete(blobName).catch((error: unknown) => {
        this.#d.logger?.warn('orphaned photo not deleted', { tripId, error: String(error) });
      });
    return { doc, etag };
  }

  /**
   * Restore an earlier version (POST …/versions/{revision}/restore): the plan as it was, with the
   * photos its items have now (photos are not versioned; those of items it lacks are deleted).
   */
  async restore(
    ownerId: string,
    tripId: string,
    old: ItineraryDocument,
    revision: number,
    ifMatch: string,
  ): Promise<StoredItinerary> {
    const current = await this.current(ownerId, tripId, ifMatch);
    return this.commit(ownerId, tripId, current, withCurrentPhotos(old, current.doc), `restore ${revision}`);
  }
}

function refused(violations: readonly Violation[]): AppError {
  return new AppError('conflict', 'The edit breaks the plan', {
    detail: `${violations[0]!.message}${violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''}; send force: true to apply it anyway`,
    errors: violations.map((v) => ({
      path: `itinerary.${v.date}${v.itemId ? `.${v.itemId}` : ''}`,
      message: `${v.kind}: ${v.message}`,
    })),
  });
}

/**
 * Drop the detached notes the traveller dismissed (`dismissNote`: every note with that item id), with
 * their `note_detached` warnings. Refuses with 404 a note that is not there and with 409 one that
 * still has photos: those are deleted one by one (their blobs with them), never as a side effect of
 * dismissing a memo.
 */
function dismissNotes(doc: ItineraryDocument, request: EditRequest): ItineraryDocument {
  const dismissed = new Set<string>();
  request.operations.forEach((op, index) => {
    if (op.op !== 'dismissNote') return;
    const notes = (doc.detachedNotes ?? []).filter((n) => n.itemId === op.itemId);
    const path = `body.operations[${index}].itemId`;
    if (notes.length === 0)
      throw new AppError('not_found', 'No such note', {
        detail: `No detached note has itemId ${op.itemId}`,
        errors: [{ path, message: 'not in detachedNotes' }],
      });
    if (notes.some((n) => n.attachments?.length))
      throw new AppError('conflict', 'Note has photos', {
        detail: `The note on ${op.itemId} still has photos: delete them first (DELETE …/items/${op.itemId}/attachments/{attachmentId})`,
        errors: [{ path, message: 'the note still has photos' }],
      });
    dismissed.add(op.itemId);
  });
  if (dismissed.size === 0) return doc;
  const { detachedNotes: _notes, ...rest } = doc;
  const kept = (doc.detachedNotes ?? []).filter((n) => !dismissed.has(n.itemId));
  return {
    ...rest,
    ...(kept.length > 0 ? { detachedNotes: kept } : {}),
    warnings: doc.warnings.filter((w) => w.code !== 'note_detached' || !dismissed.has(w.itemId ?? '')),
  };
}

function describe(request: EditRequest): string {
  return `edit: ${request.operations.map((op) => op.op).join(', ')}`;
}

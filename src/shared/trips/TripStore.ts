import { randomUUID } from 'node:crypto';

import { RestError, type TableClient } from '@azure/data-tables';

import { AppError } from '../errors/AppError.js';
import { once } from '../store/once.js';
import { CursorSigner } from './CursorSigner.js';
import { decodeTripCursor, encodeTripCursor } from './tripCursor.js';
import { forgetTripLanguage } from './tripLanguageMemo.js';
import type { Trip, TripInput } from './tripSchema.js';

interface TripEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
  /** A column so the verifier can find upcoming trips with one query. */
  startDate: string;
  /** Set when a delete began (ISO instant): the trip is gone to readers; the sweeper finishes the delete. */
  deletingSince?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `?cursor=` for the next page. */
  nextCursor?: string;
}

/**
 * Trips in Azure Table Storage, partitioned by owner (docs/architecture.md#data): a user can only ever address rows in
 * their own partition, so another user's trip is simply not found (404). Optimistic concurrency
 * uses the table ETag.
 */
export class TripStore {
  readonly #table: TableClient;
  readonly #ensureTable: () => Promise<void>;
  readonly #cursors: CursorSigner;

  /** `cursors` signs list cursors (default: a random key of this process). */
  constructor(table: TableClient, cursors: CursorSigner = new CursorSigner()) {
    this.#table = table;
    this.#cursors = cursors;
    this.#ensureTable = once(() => table.createTable());
  }

  async create(ownerId: string, input: TripInput): Promise<{ trip: Trip; etag: string }> {
    await this.#ensureTable();
    const now = new Date().toISOString();
    const trip: Trip = { ...input, id: randomUUID(), ownerId, createdAt: now, updatedAt: now };
    const result = await this.#table.createEntity(toEntity(trip));
    return { trip, etag: result.etag ?? '' };
  }

  async get(ownerId: string, tripId: string): Promise<{ trip: Trip; etag: string }> {
    await this.#ensureTable();
    try {
      const entity = await this.#table.getEntity<TripEntity>(ownerId, tripId);
      if (entity.deletingSince)
        throw new AppError('not_found', 'Trip not found', { detail: `No trip ${tripId}` });
      return { trip: JSON.parse(entity.data) as Trip, etag: entity.etag };
    } catch (error) {
      throw notFoundOr(error, tripId);
    }
  }

  async list(ownerId: string, pageSize: number, cursor?: string): Promise<Page<Trip>> {
    await this.#ensureTable();
    const pages = this.#table
      .listEntities<TripEntity>({ queryOptions: { filter: `PartitionKey eq '${escapeOData(ownerId)}'` } })
      .byPage({
        maxPageSize: pageSize,
        continuationToken: cursor ? decodeTripCursor(ownerId, cursor, this.#cursors) : undefined,
      });
    const page = await pages.next();
    if (page.done) return { items: [] };
    const items = page.value.filter((e) => !e.deletingSince).map((e) => JSON.parse(e.data) as Trip);
    return { items, nextCursor: encodeTripCursor(ownerId, page.value.continuationToken, this.#cursors) };
  }

  /** Trips of every owner starting between two dates (inclusive): the verifier's cross-partition query. */
  async listStartingBetween(from: string, to: string): Promise<Trip[]> {
    await this.#ensureTable();
    const filter = `startDate ge '${escapeOData(from)}' and startDate le '${escapeOData(to)}'`;
    const trips: Trip[] = [];
    for await (const e of this.#table.listEntities<TripEntity>({ queryOptions: { filter } }))
      if (!e.deletingSince) trips.push(JSON.parse(e.data) as Trip);
    return trips;
  }

  /**
   * Begin deleting: mark the row (conditional on `ifMatch`, the ETag the caller's precondition was
   * checked against) so readers see 404 from now on. Returns the marked row's ETag.
   */
  async markDeleting(ownerId: string, tripId: string, ifMatch: string): Promise<string> {
    await this.#ensureTable();
    try {
      const result = await this.#table.updateEntity(
        { partitionKey: ownerId, rowKey: tripId, deletingSince: new Date().toISOString() },
        'Merge',
        { etag: ifMatch },
      );
      forgetTripLanguage(ownerId, tripId);
      return result.etag ?? '*';
    } catch (error) {
      throw preconditionOr(error, tripId);
    }
  }

  /** Trips whose delete began before `before` (ISO instant) and was never finished. */
  async listDeletingBefore(before: string, limit = 100): Promise<{ ownerId: string; tripId: string }[]> {
    await this.#ensureTable();
    const filter = `deletingSince lt '${escapeOData(before)}'`;
    const out: { ownerId: string; tripId: string }[] = [];
    const rows = this.#table.listEntities<TripEntity>({
      queryOptions: { filter, select: ['PartitionKey', 'RowKey'] },
    });
    for await (const row of rows) {
      out.push({ ownerId: row.partitionKey, tripId: row.rowKey });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Replace a trip; `ifMatch` must be the current ETag (412 otherwise). */
  async replace(
    ownerId: string,
    tripId: string,
    input: TripInput,
    ifMatch: string,
  ): Promise<{ trip: Trip; etag: string }> {
    const { trip: current } = await this.get(ownerId, tripId);
    const trip: Trip = {
      ...input,
      id: tripId,
      ownerId,
      createdAt: current.createdAt,
      updatedAt: new Date().toISOString(),
    };
    try {
      const result = await this.#table.updateEntity(toEntity(trip), 'Replace', { etag: ifMatch });
      forgetTripLanguage(ownerId, tripId);
      return { trip, etag: result.etag ?? '' };
    } catch (error) {
      throw preconditionOr(error, tripId);
    }
  }

  /** Remove the row itself (the last step of a delete; see TripService.delete). */
  async delete(ownerId: string, tripId: string, ifMatch = '*'): Promise<void> {
    await this.#ensureTable();
    try {
      await this.#table.deleteEntity(ownerId, tripId, { etag: ifMatch });
      forgetTripLanguage(ownerId, tripId);
    } catch (error) {
      throw preconditionOr(error, tripId);
    }
  }
}

function toEntity(trip: Trip): TripEntity {
  return {
    partitionKey: trip.ownerId,
    rowKey: trip.id,
    data: JSON.stringify(trip),
    startDate: trip.startDate,
  };
}

/**
 * Storage's answers to a conditional write, as client errors: 412 (the ETag moved), 400 (an ETag the
 * service cannot parse) and 409 all mean "read the trip again"; 404 is not found.
 */
function preconditionOr(error: unknown, tripId: string): unknown {
  if (error instanceof RestError && [400, 409, 412].includes(error.statusCode ?? 0)) {
    return new AppError('precondition_failed', 'ETag mismatch', {
      detail: 'The trip changed since you read it: GET it again and retry with the new ETag',
      cause: error,
    });
  }
  return notFoundOr(error, tripId);
}

function notFoundOr(error: unknown, tripId: string): unknown {
  if (error instanceof RestError && error.statusCode === 404) {
    return new AppError('not_found', 'Trip not found', { detail: `No trip ${tripId}` });
  }
  return error;
}

/** OData string literals escape a quote by doubling it. */
export function escapeOData(value: string): string {
  return value.replaceAll("'", "''");
}

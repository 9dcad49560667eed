import { RestError, type TableClient } from '@azure/data-tables';

import { AppError } from '../errors/AppError.js';
import { once } from '../store/once.js';
import { escapeOData } from '../trips/TripStore.js';
import type { Job } from './Job.js';

interface JobEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
  tripId: string;
  /** Columns for the sweeper's query; `data` holds the whole job. */
  status: string;
  updatedAt: string;
}

const JOB_ROW = 'job';
const TRIP_INDEX_PREFIX = 'trip_';

/**
 * Jobs in Table Storage. Partition = jobId (GET /api/jobs/{id} needs no owner to find it; the owner is
 * checked after reading). A second row kind, partition `trip_<tripId>`, indexes a trip's jobs so
 * deleting a trip can delete them.
 */
export class JobStore {
  readonly #table: TableClient;
  readonly #ensureTable: () => Promise<void>;

  constructor(table: TableClient) {
    this.#table = table;
    this.#ensureTable = once(() => table.createTable());
  }

  /** Insert a new job; returns false when a job with this id already exists (idempotent submit). */
  async createIfAbsent(job: Job): Promise<boolean> {
    await this.#ensureTable();
    try {
      await this.#table.createEntity(toEntity(job));
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return false;
      throw error;
    }
    await this.#table.upsertEntity({
      partitionKey: TRIP_INDEX_PREFIX + job.tripId,
      rowKey: job.jobId,
      ownerId: job.ownerId,
    });
    return true;
  }

  async find(jobId: string): Promise<{ job: Job; etag: string } | undefined> {
    await this.#ensureTable();
    try {
      const entity = await this.#table.getEntity<JobEntity>(jobId, JOB_ROW);
      return { job: JSON.parse(entity.data) as Job, etag: entity.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /** The job if it belongs to `ownerId`; 404 otherwise (never reveal another user's job). */
  async getOwned(ownerId: string, jobId: string): Promise<Job> {
    const found = await this.find(jobId);
    if (!found || found.job.ownerId !== ownerId)
      throw new AppError('not_found', 'Job not found', { detail: `No job ${jobId}` });
    return found.job;
  }

  /**
   * Read-modify-write with the ETag, retried on conflicts, so concurrent progress updates and the
   * dead-letter handler never overwrite each other blindly.
   */
  async update(jobId: string, change: (job: Job) => Job | undefined): Promise<Job | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.find(jobId);
      if (!found) return undefined;
      const next = change(found.job);
      if (!next) return found.job;
      const stamped = { ...next, updatedAt: new Date().toISOString() };
      try {
        await this.#table.updateEntity(toEntity(stamped), 'Replace', { etag: found.etag });
        return stamped;
      } catch (error) {
        // 404: deleted with its trip meanwhile.
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        if (!(error instanceof RestError && error.statusCode === 412)) throw error;
      }
    }
    throw new AppError('conflict', 'Job update kept conflicting', { transient: true });
  }

  /** The jobs of one trip (for coalescing: is there a newer one?). */
  async listJobsOfTrip(tripId: string, limit = 50): Promise<Job[]> {
    const jobs: Job[] = [];
    for (const id of (await this.listForTrip(tripId)).slice(-limit)) {
      const found = await this.find(id);
      if (found) jobs.push(found.job);
    }
    return jobs;
  }

  /** Jobs not terminal and untouched since `before` (ISO instant): candidates for the sweeper. */
  async listStalled(before: string, limit = 100, status?: 'running' | 'queued'): Promise<Job[]> {
    await this.#ensureTable();
    const statuses = status ? `status eq '${status}'` : `(status eq 'running' or status eq 'queued')`;
    const filter = `RowKey eq '${JOB_ROW}' and ${statuses} and updatedAt lt '${escapeOData(before)}'`;
    const out: Job[] = [];
    for await (const row of this.#table.listEntities<JobEntity>({ queryOptions: { filter } })) {
      out.push(JSON.parse(row.data) as Job);
      if (out.length >= limit) break;
    }
    return out;
  }

  async listForTrip(tripId: string): Promise<string[]> {
    await this.#ensureTable();
    const ids: string[] = [];
    const filter = `PartitionKey eq '${escapeOData(TRIP_INDEX_PREFIX + tripId)}'`;
    for await (const row of this.#table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
      ids.push(row.rowKey!);
    return ids;
  }

  /** Delete every job of a trip (and its index rows); returns their ids. */
  async deleteForTrip(tripId: string): Promise<string[]> {
    const ids = await this.listForTrip(tripId);
    for (const id of ids) {
      await this.#table.deleteEntity(id, JOB_ROW).catch(ignoreNotFound);
      await this.#table.deleteEntity(TRIP_INDEX_PREFIX + tripId, id).catch(ignoreNotFound);
    }
    return ids;
  }
}

function toEntity(job: Job): JobEntity {
  return {
    partitionKey: job.jobId,
    rowKey: JOB_ROW,
    data: JSON.stringify(job),
    tripId: job.tripId,
    status: job.status,
    updatedAt: job.updatedAt,
  };
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof RestError && error.statusCode === 404)) throw error;
}

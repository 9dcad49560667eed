import { z } from 'zod';

import type { JobErrorCode } from './jobErrorCodes.js';

export const JOB_STEPS = [
  'queued',
  'gathering_places',
  'planning',
  'validating',
  'storing',
  'completed',
  'failed',
] as const;
export type JobStep = (typeof JOB_STEPS)[number];
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A generation job as stored and as served by GET /api/jobs/{jobId} (minus ownerId). */
export interface Job {
  jobId: string;
  tripId: string;
  ownerId: string;
  status: JobStatus;
  step: JobStep;
  progress: number;
  error?: { code: JobErrorCode; message: string };
  /** While running: which worker delivery holds the job, and until when (renewed with progress). */
  lease?: { owner: string; expiresAt: string };
  createdAt: string;
  updatedAt: string;
  /** How many times a worker picked it up. */
  attempts: number;
  options: JobOptions;
}

export const jobOptionsSchema = z
  .object({
    /** Let the LLM re-rank candidates when one is configured (default true); the plan stays solver-made. */
    useLlm: z.boolean().default(true),
  })
  .strict()
  .default({ useLlm: true });
export type JobOptions = z.output<typeof jobOptionsSchema>;

/** Body of POST /api/trips/{tripId}/itinerary-jobs (optional). */
export const createJobBodySchema = z.object({ options: jobOptionsSchema }).strict();

/** The queue message: ids and options only, never the trip itself (docs/architecture.md#generation-job-and-queue). */
export const jobMessageSchema = z.object({
  jobId: z.string().min(1).max(64),
  tripId: z.string().min(1).max(64),
  ownerId: z.string().min(1).max(128),
  options: jobOptionsSchema,
});
export type JobMessage = z.output<typeof jobMessageSchema>;

export const TERMINAL: ReadonlySet<JobStatus> = new Set(['completed', 'failed']);

/** Public view of a job. */
export function toJobView(job: Job) {
  const { ownerId: _owner, attempts: _attempts, options: _options, lease: _lease, ...view } = job;
  return {
    ...view,
    ...(job.status === 'completed' ? { itineraryUrl: `/api/trips/${job.tripId}/itinerary` } : {}),
  };
}

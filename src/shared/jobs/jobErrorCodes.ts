import type { ErrorCode } from '../errors/errorCodes.js';

/**
 * Why a job ended `failed`, as served in `error.code` of GET /api/jobs/{id}. The lifecycle codes:
 * - `enqueue_failed`: the job was recorded but its queue message could not be sent; submit again.
 * - `trip_not_found`: the trip was deleted before (or while) the itinerary was generated.
 * - `superseded`: a newer job for the same trip was submitted before this one started; follow it.
 * - `expired`: the queue message expired before any worker picked it up.
 * - `stalled`: the job kept losing its worker (crashes) past the delivery limit.
 * - `dead_lettered`: the message went to the dead-letter / poison queue after repeated failures.
 * Otherwise the code of the error that ended generation (`upstream_unavailable`, `internal`, …).
 */
export type JobLifecycleErrorCode =
  'enqueue_failed' | 'trip_not_found' | 'superseded' | 'expired' | 'stalled' | 'dead_lettered';

export type JobErrorCode = JobLifecycleErrorCode | ErrorCode;

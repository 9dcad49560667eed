import { app } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readOptionalJsonBody } from '../shared/http/readJsonBody.js';
import { json, routeId } from '../shared/http/responses.js';
import { createJobBodySchema, jobOptionsSchema } from '../shared/jobs/Job.js';

/** POST /api/trips/{tripId}/itinerary-jobs → 202 + Location (docs/architecture.md#generation-job-and-queue). */
app.http('itinerary-jobs-create', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary-jobs',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const key = request.headers.get('idempotency-key') ?? undefined;
    if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key)) {
      throw new AppError('validation_failed', 'Bad Idempotency-Key', {
        errors: [{ path: 'headers.idempotency-key', message: '1–128 visible ASCII characters' }],
      });
    }
    const body = await readOptionalJsonBody(
      request,
      createJobBodySchema.optional(),
      ctx.config.http.maxBodyBytes,
    );
    const options = body?.options ?? jobOptionsSchema.parse(undefined);
    const { job } = await ctx.jobs.submit(principal.userId, tripId, options, key);
    return json(
      202,
      { jobId: job.jobId, status: job.status },
      { location: `/api/jobs/${job.jobId}`, 'retry-after': '1' },
    );
  }),
});

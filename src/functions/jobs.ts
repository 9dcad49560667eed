import { app } from '@azure/functions';

import { authenticated } from '../shared/http/httpHandler.js';
import { json, routeId } from '../shared/http/responses.js';
import { TERMINAL, toJobView } from '../shared/jobs/Job.js';
import { jobEventStream } from '../shared/jobs/jobEventStream.js';
import { StreamQuota } from '../shared/jobs/StreamQuota.js';

app.http('jobs-get', {
  methods: ['GET'],
  route: 'jobs/{jobId}',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const job = await ctx.jobs.get(principal.userId, routeId(request, 'jobId'));
    return json(200, toJobView(job), TERMINAL.has(job.status) ? {} : { 'retry-after': '1' });
  }),
});

/** Event streams one user may hold open on one instance. */
const streams = new StreamQuota(5);

/** GET /api/jobs/{jobId}/events — the job's states as Server-Sent Events until it ends. */
app.http('jobs-events', {
  methods: ['GET'],
  route: 'jobs/{jobId}/events',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const jobId = routeId(request, 'jobId');
    await ctx.jobs.get(principal.userId, jobId); // 404 before opening a stream
    const release = streams.acquire(principal.userId);
    const body = jobEventStream({
      read: () => ctx.jobs.getStored(principal.userId, jobId),
      events: ctx.jobEvents,
      onClose: release,
    });
    return {
      status: 200,
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      },
      body,
    };
  }),
});

import { app } from '@azure/functions';

import { runHealthChecks } from '../shared/health/HealthCheck.js';
import { anonymous } from '../shared/http/httpHandler.js';

const CHECK_TIMEOUT_MS = 3_000;

/** GET /api/health — liveness plus readiness of each configured dependency (docs/architecture.md#api-contract). */
app.http('health', {
  methods: ['GET'],
  route: 'health',
  authLevel: 'anonymous',
  handler: anonymous(async (_request, { app: ctx }) => {
    const report = await runHealthChecks(ctx.healthChecks, CHECK_TIMEOUT_MS);
    const status = report.status === 'down' ? 'degraded' : report.status;
    return {
      status: report.status === 'down' ? 503 : 200,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { status, checks: report.checks },
    };
  }),
});

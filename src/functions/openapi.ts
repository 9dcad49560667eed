import { app } from '@azure/functions';

import { anonymous } from '../shared/http/httpHandler.js';
import { buildOpenApiDocument } from '../shared/openapi/buildOpenApiDocument.js';

let document: Record<string, unknown> | undefined;

/** GET /api/openapi.json — the REST contract generated from the zod schemas (for APIM import). */
app.http('openapi', {
  methods: ['GET'],
  route: 'openapi.json',
  authLevel: 'anonymous',
  handler: anonymous(async () => {
    document ??= buildOpenApiDocument();
    return { status: 200, jsonBody: document, headers: { 'cache-control': 'public, max-age=300' } };
  }),
});

import { app } from '@azure/functions';

import { authenticated } from '../shared/http/httpHandler.js';
import { readQuery } from '../shared/http/readJsonBody.js';
import { json } from '../shared/http/responses.js';
import { recommendationParamsSchema } from '../shared/recommendations/recommendationParams.js';
import { recommendationsFor } from '../shared/recommendations/recommendationsFor.js';

app.http('recommendations', {
  methods: ['GET'],
  route: 'recommendations',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const params = readQuery(request, recommendationParamsSchema);
    const result = await recommendationsFor(ctx, params, signal);
    return json(200, result, { 'cache-control': 'private, max-age=600', 'x-cache': result.cache });
  }),
});

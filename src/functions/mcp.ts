import { app } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { currentBudget } from '../shared/limits/requestBudget.js';
import { MATRIX_TOOL, mcpRequestCost } from '../shared/mcp/mcpRequestCost.js';
import { McpServerPool } from '../shared/mcp/McpServerPool.js';
import { MCP_TOOLS } from '../shared/mcp/mcpTools.js';
import { jsonRpcRefusal } from '../shared/mcp/readMcpPost.js';

/** Built once per process: servers, their transports and the tools/list answer are reused across requests. */
const servers = new McpServerPool(MCP_TOOLS);

/**
 * POST/GET/DELETE /api/mcp — MCP Streamable HTTP, stateless, JSON responses, so any instance of a
 * scaled-out app can answer. GET and DELETE get 405, as in the SDK's stateless example: there is
 * no session to stream to or end.
 */
app.http('mcp', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    // A GET would open an SSE stream that never ends (nothing can be pushed to a stateless
    // session), holding the invocation open; the spec lets a server without one say 405.
    if (request.method !== 'POST')
      return jsonRpcRefusal(405, -32000, 'Method not allowed.', { allow: 'POST' });
    const maxBytes = ctx.config.http.maxBodyBytes;
    if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
    const body = await request.text();
    if (Buffer.byteLength(body) > maxBytes) throw tooLarge(maxBytes);
    // Only a body that names the matrix tool is parsed here, so the common call pays nothing for the check.
    const cost = body.includes(MATRIX_TOOL) ? mcpRequestCost(body, MCP_TOOLS) : undefined;
    const { matrixElementsPerRequest } = ctx.config.limits;
    if (cost && cost.matrixElements > matrixElementsPerRequest)
      throw new AppError('upstream_budget_exceeded', 'Upstream cost limit reached', {
        detail: `One request may ask for at most ${matrixElementsPerRequest} matrix elements in all; this one asks for ${cost.matrixElements}`,
        retryAfterSeconds: 1,
      });
    const answer = await servers.handle({ headers: request.headers, body }, { app: ctx, principal, signal });
    // A read-only body that ran out of budget is answered 429 as a whole (its isError results would
    // read as 200). A body that may have written keeps its JSON-RPC answer: each refused call says
    // upstream_budget_exceeded with retryAfterSeconds, and a 4xx must not follow a write.
    const refused = currentBudget()?.refused;
    if (refused && !(cost ?? mcpRequestCost(body, MCP_TOOLS)).writes) throw refused;
    return answer;
  }),
});

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
}

import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { currentBudget } from '../shared/limits/requestBudget.js';
import { mcpRequestCost } from '../shared/mcp/mcpRequestCost.js';
import { McpServerPool } from '../shared/mcp/McpServerPool.js';
import { MCP_TOOLS } from '../shared/mcp/mcpTools.js';

/** Built once per process: servers and the tools/list answer are reused across requests. */
const servers = new McpServerPool(MCP_TOOLS);

/**
 * POST/GET/DELETE /api/mcp — MCP Streamable HTTP, stateless, JSON responses. A fresh transport per
 * request (the SDK's stateless pattern) on a pooled server, so any instance of a scaled-out app can answer.
 * GET and DELETE get 405, as in the SDK's stateless example: there is no session to stream to or end.
 */
app.http('mcp', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    // The transport would answer GET with an SSE stream that never ends (nothing can be pushed to a
    // stateless session), holding the invocation open; the spec lets a server without one say 405.
    if (request.method !== 'POST') return methodNotAllowed();
    const maxBytes = ctx.config.http.maxBodyBytes;
    if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
      throw new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
    }
    const body = await readBody(request, maxBytes);
    const cost = mcpRequestCost(body, MCP_TOOLS);
    const { matrixElementsPerRequest } = ctx.config.limits;
    if (cost.matrixElements > matrixElementsPerRequest)
      throw new AppError('upstream_budget_exceeded', 'Upstream cost limit reached', {
        detail: `One request may ask for at most ${matrixElementsPerRequest} matrix elements in all; this one asks for ${cost.matrixElements}`,
        retryAfterSeconds: 1,
      });
    const response = await servers.handle(toWebRequest(request, body), { app: ctx, principal, signal });
    // A read-only body that ran out of budget is answered 429 as a whole (its isError results would
    // read as 200). A body that may have written keeps its JSON-RPC answer: each refused call says
    // upstream_budget_exceeded with retryAfterSeconds, and a 4xx must not follow a write.
    const refused = currentBudget()?.refused;
    if (refused && !cost.writes) throw refused;
    return fromWebResponse(response);
  }),
});

/** The JSON-RPC error body the SDK's own transport uses for its HTTP-level refusals. */
function methodNotAllowed(): HttpResponseInit {
  return {
    status: 405,
    headers: { allow: 'POST', 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'Method not allowed.' },
      id: null,
    }),
  };
}

async function readBody(request: HttpRequest, maxBytes: number): Promise<Buffer | undefined> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? Buffer.from(await request.arrayBuffer()) : undefined;
  if (body && body.byteLength > maxBytes)
    throw new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
  return body;
}

function toWebRequest(request: HttpRequest, body: Buffer | undefined): Request {
  return new Request(request.url, {
    method: request.method,
    headers: Object.fromEntries(request.headers.entries()),
    body,
  });
}

async function fromWebResponse(response: Response): Promise<HttpResponseInit> {
  const headers = Object.fromEntries(response.headers.entries());
  return {
    status: response.status,
    headers,
    body: response.body ? Buffer.from(await response.arrayBuffer()) : undefined,
  };
}

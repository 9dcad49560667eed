import '../shared/http/enableHttpStream.js';

import { app } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
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
    return servers.handle({ headers: request.headers, body }, { app: ctx, principal, signal });
  }),
});

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
}

import '../shared/http/enableHttpStream.js';

import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { createMcpServer } from '../shared/mcp/createMcpServer.js';
import { MCP_TOOLS } from '../shared/mcp/mcpTools.js';

/**
 * POST/GET/DELETE /api/mcp — MCP Streamable HTTP, stateless, JSON responses. A fresh server and
 * transport per request (the SDK's stateless pattern), so any instance of a scaled-out app can answer.
 */
app.http('mcp', {
  methods: ['POST', 'GET', 'DELETE'],
  route: 'mcp',
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const maxBytes = ctx.config.http.maxBodyBytes;
    if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
      throw new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
    }
    const server = createMcpServer(MCP_TOOLS, { app: ctx, principal, signal });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      const response = await transport.handleRequest(await toWebRequest(request, maxBytes));
      return await fromWebResponse(response);
    } finally {
      await server.close();
    }
  }),
});

async function toWebRequest(request: HttpRequest, maxBytes: number): Promise<Request> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? Buffer.from(await request.arrayBuffer()) : undefined;
  if (body && body.byteLength > maxBytes) throw new AppError('payload_too_large', 'Body too large', { detail: `At most ${maxBytes} bytes` });
  return new Request(request.url, { method: request.method, headers: Object.fromEntries(request.headers.entries()), body });
}

async function fromWebResponse(response: Response): Promise<HttpResponseInit> {
  const headers = Object.fromEntries(response.headers.entries());
  return { status: response.status, headers, body: response.body ? Buffer.from(await response.arrayBuffer()) : undefined };
}

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';

import { createMcpServer } from './createMcpServer.js';
import type { McpTool, ToolScope } from './McpTool.js';

interface PooledServer {
  server: Server;
  scope?: ToolScope;
}

/**
 * Stateless MCP over Streamable HTTP without building a server per request. The SDK binds a `Server`
 * to one transport at a time and a stateless transport to one request, so each request still gets a
 * fresh transport; the servers (handlers, capabilities, the tools/list answer) are built once and
 * reused, one per request in flight. Nothing of a request outlives it: the server is closed (which
 * aborts anything still running for it) before it goes back to the pool.
 */
export class McpServerPool {
  readonly #tools: readonly McpTool[];
  readonly #maxIdle: number;
  readonly #idle: PooledServer[] = [];

  constructor(tools: readonly McpTool[], maxIdle = 64) {
    this.#tools = tools;
    this.#maxIdle = maxIdle;
  }

  /** Answer one MCP HTTP request (JSON responses, no session) for the caller in `scope`. */
  async handle(request: Request, scope: ToolScope): Promise<Response> {
    const pooled = this.#idle.pop() ?? this.#create();
    pooled.scope = scope;
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await pooled.server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      await pooled.server.close();
      pooled.scope = undefined;
      if (this.#idle.length < this.#maxIdle) this.#idle.push(pooled);
    }
  }

  /** Servers ready for the next request (for tests). */
  get idle(): number {
    return this.#idle.length;
  }

  #create(): PooledServer {
    const pooled: PooledServer = { server: undefined as unknown as Server };
    pooled.server = createMcpServer(this.#tools, () => {
      if (!pooled.scope) throw new Error('MCP server used outside a request');
      return pooled.scope;
    });
    return pooled;
  }
}

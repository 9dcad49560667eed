import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

import { createMcpServer } from './createMcpServer.js';
import { JsonResponseTransport } from './JsonResponseTransport.js';
import type { McpTool, ToolScope } from './McpTool.js';
import { type McpHttpAnswer, type McpPost, readMcpPost } from './readMcpPost.js';

interface PooledServer {
  server: Server;
  transport: JsonResponseTransport;
  scope?: ToolScope;
}

/**
 * Stateless MCP over Streamable HTTP (JSON responses, no session) without building anything per
 * request. Each pooled SDK `Server` stays connected to its own `JsonResponseTransport` and carries
 * one request at a time, for that request's caller; there are as many as requests in flight. The
 * HTTP side (content negotiation, JSON-RPC parsing, batches, protocol version) answers as the SDK's
 * stateless transport does (see `readMcpPost`); the protocol itself (initialize, capabilities,
 * tools, resources, prompts) is the SDK `Server`'s.
 */
export class McpServerPool {
  readonly #tools: readonly McpTool[];
  readonly #maxIdle: number;
  readonly #idle: PooledServer[] = [];

  constructor(tools: readonly McpTool[], maxIdle = 64) {
    this.#tools = tools;
    this.#maxIdle = maxIdle;
  }

  /** Answer one MCP HTTP POST for the caller in `scope`. */
  async handle(post: McpPost, scope: ToolScope): Promise<McpHttpAnswer> {
    const messages = readMcpPost(post);
    if (!Array.isArray(messages)) return messages as McpHttpAnswer;
    const pooled = this.#idle.pop() ?? (await this.#create());
    pooled.scope = scope;
    let reusable = false;
    try {
      const responses = await pooled.transport.exchange(messages);
      reusable = true;
      if (responses.length === 0) return { status: 202 };
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(responses.length === 1 ? responses[0] : responses),
      };
    } finally {
      pooled.scope = undefined;
      // A server left mid-request (a throw) is not handed to the next caller.
      if (reusable && this.#idle.length < this.#maxIdle) this.#idle.push(pooled);
      else void pooled.server.close();
    }
  }

  /** Servers ready for the next request (for tests). */
  get idle(): number {
    return this.#idle.length;
  }

  async #create(): Promise<PooledServer> {
    const transport = new JsonResponseTransport();
    const pooled: PooledServer = { server: undefined as unknown as Server, transport };
    pooled.server = createMcpServer(this.#tools, () => {
      if (!pooled.scope) throw new Error('MCP server used outside a request');
      return pooled.scope;
    });
    await pooled.server.connect(transport);
    return pooled;
  }
}

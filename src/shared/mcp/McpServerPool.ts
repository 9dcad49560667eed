import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  type CallToolResult,
  ErrorCode,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

import { callTool } from './callTool.js';
import { createMcpServer } from './createMcpServer.js';
import { JsonResponseTransport } from './JsonResponseTransport.js';
import type { McpTool, ToolScope } from './McpTool.js';
import {
  isPlainToolCall,
  type McpHttpAnswer,
  type McpPost,
  type PlainToolCall,
  readMcpPost,
} from './readMcpPost.js';

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
 *
 * One exception: a POST that is a single plain tools/call (nearly every agent call) goes straight to
 * `callTool`, the function the SDK's tools/call handler runs, and its answer is written the way the
 * SDK's protocol layer writes it. The SDK would only add, for such a message, two more parses of the
 * request and one of our own result (valid by construction), and the serialization of a result
 * that is often the same object as last time: together most of a cached search's cost. Results a
 * tool remembers (frozen) keep their serialized bytes, so a repeated search is not re-encoded.
 */
export class McpServerPool {
  readonly #tools: readonly McpTool[];
  readonly #byName: ReadonlyMap<string, McpTool>;
  readonly #maxIdle: number;
  readonly #idle: PooledServer[] = [];

  constructor(tools: readonly McpTool[], maxIdle = 64) {
    this.#tools = tools;
    this.#byName = new Map(tools.map((t) => [t.name, t]));
    this.#maxIdle = maxIdle;
  }

  /**
   * Answer one MCP HTTP POST for the caller in `scope`. Not `async` itself: the plain tools/call
   * (nearly every request) hands on `#callTool`'s promise rather than wrapping it in another.
   */
  handle(post: McpPost, scope: ToolScope): Promise<McpHttpAnswer> {
    const messages = readMcpPost(post);
    if (!Array.isArray(messages)) return Promise.resolve(messages as McpHttpAnswer);
    if (messages.length === 1 && isPlainToolCall(messages[0])) return this.#callTool(messages[0], scope);
    return this.#exchange(messages, scope);
  }

  /** Anything but one plain tools/call: through a pooled SDK server. */
  async #exchange(messages: readonly JSONRPCMessage[], scope: ToolScope): Promise<McpHttpAnswer> {
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

  async #callTool(request: PlainToolCall, scope: ToolScope): Promise<McpHttpAnswer> {
    let body: Uint8Array;
    try {
      body = resultResponse(request.id, await callTool(this.#byName, request.params, scope));
    } catch (error) {
      // As the SDK's protocol layer answers a handler that throws.
      const e = error as { code?: unknown; message?: string; data?: unknown };
      body = Buffer.from(
        JSON.stringify({
          jsonrpc: '2.0',
          id: request.id,
          error: {
            code: Number.isSafeInteger(e.code) ? e.code : ErrorCode.InternalError,
            message: e.message ?? 'Internal error',
            ...(e.data !== undefined ? { data: e.data } : {}),
          },
        }),
      );
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
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

/** Serialized results, per result object: a remembered (frozen) result is encoded once. */
const encodedResults = new WeakMap<CallToolResult, Buffer>();

/** `{"result":…,"jsonrpc":"2.0","id":…}`, the SDK's response in the SDK's key order. */
function resultResponse(id: RequestId, result: CallToolResult): Buffer {
  let encoded = encodedResults.get(result);
  if (!encoded) {
    encoded = Buffer.from(JSON.stringify(result));
    if (Object.isFrozen(result)) encodedResults.set(result, encoded);
  }
  const tail = `,"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
  const bytes = answerBytes(RESULT_OPEN.length + encoded.length + Buffer.byteLength(tail));
  RESULT_OPEN.copy(bytes, 0);
  encoded.copy(bytes, RESULT_OPEN.length);
  bytes.write(tail, RESULT_OPEN.length + encoded.length);
  return bytes;
}

const RESULT_OPEN = Buffer.from('{"result":');

/** Answers at most this large share a slab; larger ones get their own buffer. */
const SLAB_BYTES = 256 * 1024;
const MAX_SLAB_ANSWER = 32 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

/**
 * `size` bytes for one answer, carved from a shared slab the way Node pools small Buffers (its pool
 * takes only sizes under 4 KB): a fresh ArrayBuffer per ~9 KB answer (`Buffer.concat`) was a visible
 * share of a cached call, in allocation and in GC. Answers are written and dropped, so a slab is freed
 * once the last answer cut from it is. Every byte handed out is written by the caller.
 */
function answerBytes(size: number): Buffer {
  if (size > MAX_SLAB_ANSWER) return Buffer.allocUnsafe(size);
  if (slabUsed + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const bytes = slab.subarray(slabUsed, slabUsed + size);
  // 8-byte aligned, as Node aligns its pool.
  slabUsed += (size + 7) & ~7;
  return bytes;
}

import { MAX_BATCH_SIZE } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import {
  isInitializeRequest,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  type JSONRPCRequest,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';

import type { ToolCallParams } from './callTool.js';

/** The parts of an MCP HTTP POST the server reads. */
export interface McpPost {
  readonly headers: { get(name: string): string | null };
  readonly body: string;
}

/** An HTTP answer in the shape a Functions handler returns. */
export interface McpHttpAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** A JSON-RPC error without an id, as the SDK's transport answers HTTP-level refusals. */
export function jsonRpcRefusal(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): McpHttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }),
  };
}

/**
 * The JSON-RPC messages of a Streamable HTTP POST, or the refusal the SDK's
 * `WebStandardStreamableHTTPServerTransport` (stateless, `enableJsonResponse`) would answer: the
 * same checks in the same order, with the SDK's own schema, media-type and batch-size helpers, and
 * the same statuses, codes and messages. Kept in step with that transport's `handlePostRequest`.
 */
export function readMcpPost(post: McpPost): readonly JSONRPCMessage[] | McpHttpAnswer {
  const accept = post.headers.get('accept');
  if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) {
    return jsonRpcRefusal(
      406,
      -32000,
      'Not Acceptable: Client must accept both application/json and text/event-stream',
    );
  }
  if (!isJsonContentType(post.headers.get('content-type'))) {
    return jsonRpcRefusal(415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(post.body);
  } catch {
    return jsonRpcRefusal(400, -32700, 'Parse error: Invalid JSON');
  }
  if (Array.isArray(raw) && raw.length > MAX_BATCH_SIZE) {
    return jsonRpcRefusal(400, -32600, `Invalid Request: Batch must not exceed ${MAX_BATCH_SIZE} messages`);
  }
  let messages: JSONRPCMessage[];
  try {
    messages = (Array.isArray(raw) ? raw : [raw]).map((m) =>
      isPlainToolCall(m) ? m : JSONRPCMessageSchema.parse(m),
    );
  } catch {
    return jsonRpcRefusal(400, -32700, 'Parse error: Invalid JSON-RPC message');
  }
  // Only a message whose method is initialize can be one (the SDK's check is a zod parse).
  const initializing = messages.some(
    (m) => 'method' in m && m.method === 'initialize' && isInitializeRequest(m),
  );
  if (initializing && messages.length > 1) {
    return jsonRpcRefusal(400, -32600, 'Invalid Request: Only one initialization request is allowed');
  }
  const version = post.headers.get('mcp-protocol-version');
  if (!initializing && version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return jsonRpcRefusal(
      400,
      -32000,
      `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
    );
  }
  return messages;
}

/** A tools/call request with nothing but its name and arguments (no `_meta`, no task): nearly every call. */
export type PlainToolCall = JSONRPCRequest & { method: 'tools/call'; params: ToolCallParams };

const MESSAGE_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);
const PARAMS_KEYS = new Set(['name', 'arguments']);

/**
 * Whether a parsed message is a plain tools/call. Such a message is valid for the SDK's
 * `JSONRPCMessageSchema` and `CallToolRequestSchema` by construction (a strict request with a string
 * or integer id; params with a string name and a record of arguments), so it is not run through
 * them: those zod parses were a large share of a cached call's cost. Anything else, including every
 * message with more in it, is left to the SDK's schemas.
 */
export function isPlainToolCall(message: unknown): message is PlainToolCall {
  if (!isRecord(message) || message.jsonrpc !== '2.0' || message.method !== 'tools/call') return false;
  const { id, params } = message;
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isSafeInteger(id))) return false;
  if (!isRecord(params) || typeof params.name !== 'string') return false;
  if (params.arguments !== undefined && !isRecord(params.arguments)) return false;
  return onlyKeys(message, MESSAGE_KEYS) && onlyKeys(params, PARAMS_KEYS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

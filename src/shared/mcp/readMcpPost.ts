import { MAX_BATCH_SIZE } from '@modelcontextprotocol/sdk/server/requestBody.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import {
  isInitializeRequest,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/sdk/types.js';

/** The parts of an MCP HTTP POST the server reads. */
export interface McpPost {
  readonly headers: { get(name: string): string | null };
  readonly body: string;
}

/** An HTTP answer in the shape a Functions handler returns. */
export interface McpHttpAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
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
    messages = (Array.isArray(raw) ? raw : [raw]).map((m) => JSONRPCMessageSchema.parse(m));
  } catch {
    return jsonRpcRefusal(400, -32700, 'Parse error: Invalid JSON-RPC message');
  }
  const initializing = messages.some(isInitializeRequest);
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

import type { McpTool } from './McpTool.js';

/** What an MCP HTTP body will ask for, read before any of it runs. */
export interface McpRequestCost {
  /** Matrix elements (origins × destinations) over every compute_route_matrix call in the body. */
  matrixElements: number;
  /** Whether any call in the body may change something (a tool not marked read-only, or an unknown method). */
  writes: boolean;
}

export const MATRIX_TOOL = 'compute_route_matrix';
/** Methods that only read; anything else is treated as possibly writing. */
const READ_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
]);

/**
 * The cost of one MCP body — a single JSON-RPC message or a batch — so that a batch asking for more
 * matrix elements than one request may is refused as a whole, before its first call spends anything.
 * A body that is not JSON costs nothing here (the transport answers it with a parse error).
 */
export function mcpRequestCost(body: string | Buffer | undefined, tools: readonly McpTool[]): McpRequestCost {
  const cost: McpRequestCost = { matrixElements: 0, writes: false };
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) : undefined;
  } catch {
    return cost;
  }
  const readOnly = new Set(tools.filter((t) => t.readOnly).map((t) => t.name));
  const matrixTool = tools.find((t) => t.name === MATRIX_TOOL);
  for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
    if (!isRecord(message) || typeof message.method !== 'string') continue;
    if (message.method.startsWith('notifications/')) continue;
    if (message.method !== 'tools/call') {
      if (!READ_METHODS.has(message.method)) cost.writes = true;
      continue;
    }
    const params = isRecord(message.params) ? message.params : {};
    const name = typeof params.name === 'string' ? params.name : '';
    if (!readOnly.has(name)) cost.writes = true;
    // Only calls that will run count: an invalid one gets its own validation error and costs nothing.
    const parsed = name === MATRIX_TOOL ? matrixTool?.input.safeParse(params.arguments ?? {}) : undefined;
    if (parsed?.success) {
      const { origins, destinations } = parsed.data as { origins: unknown[]; destinations: unknown[] };
      cost.matrixElements += origins.length * destinations.length;
    }
  }
  return cost;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

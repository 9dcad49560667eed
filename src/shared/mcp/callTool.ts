import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';

import { describeCause } from '../errors/AppError.js';
import { fieldErrorsFromZod } from '../errors/validationError.js';
import { parsedOnce } from '../http/parsedOnce.js';
import { toAppError } from '../http/problem.js';
import type { toolErrorSchema } from './createMcpServer.js';
import type { McpTool, ToolScope } from './McpTool.js';

/** The `params` of a tools/call request. */
export type ToolCallParams = { name: string; arguments?: Record<string, unknown> };

/**
 * Run one tools/call: arguments validated with the tool's schema, the result as `structuredContent`
 * plus its text rendering, and every failure an `isError` result carrying our stable error `code`.
 * The SDK's tools/call handler and the pool's direct path (see McpServerPool) both answer with it.
 */
export async function callTool(
  tools: ReadonlyMap<string, McpTool>,
  params: ToolCallParams,
  scope: ToolScope,
): Promise<CallToolResult> {
  const tool = tools.get(params.name);
  if (!tool) return errorResult('not_found', `Unknown tool ${params.name}`);
  const parsed = parseArguments(tool, params.arguments ?? {});
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error);
    return errorResult(
      'validation_failed',
      errors.map((e) => `${e.path || '(arguments)'}: ${e.message}`).join('; '),
      { errors },
    );
  }
  try {
    return toCallToolResult(tool, await tool.run(parsed.data, scope));
  } catch (error) {
    const e = toAppError(error);
    if (e.fault === 'system')
      scope.app.logger.error('mcp tool failed', {
        tool: tool.name,
        code: e.code,
        error: e.message,
        ...describeCause(e),
      });
    return errorResult(e.code, e.code === 'internal' ? 'Internal error' : (e.detail ?? e.message), {
      transient: e.transient,
      ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
      ...(e.errors ? { errors: e.errors } : {}),
    });
  }
}

type Parsed = z.ZodSafeParseResult<unknown>;

/** Nested deeper than this, arguments are parsed every time (and never stringified for a key). */
const MAX_REMEMBERED_ARGUMENTS_DEPTH = 16;

/**
 * The tool's arguments validated. A read-only tool's valid arguments are validated once per distinct
 * arguments (`parsedOnce`, keyed by their JSON), as the REST search reuses a parsed query string:
 * agents repeat the same searches, and validation was a good part of a cached call's cost. The frozen,
 * reused argument objects also let the place search remember their cache keys. Tools that write get
 * a fresh parse, and so do invalid arguments (their errors are not kept).
 */
function parseArguments(tool: McpTool, args: Record<string, unknown>): Parsed {
  if (!tool.readOnly || !keyable(args, 0)) return tool.input.safeParse(args);
  let invalid: Parsed | undefined;
  const data = parsedOnce(tool, JSON.stringify(args), () => {
    const parsed = tool.input.safeParse(args);
    if (parsed.success) return parsed.data;
    invalid = parsed;
    return undefined;
  });
  return invalid ?? { success: true, data };
}

/**
 * Whether the arguments' JSON names them exactly: not nested too deep, and without the numbers
 * JSON.stringify cannot give back (an overflowing `1e400` parses to Infinity and would be keyed as
 * `null`; `-0` as `0`). Everything else JSON.parse produces survives the round trip.
 */
function keyable(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_REMEMBERED_ARGUMENTS_DEPTH) return false;
  for (const inner of Object.values(value)) if (!keyable(inner, depth + 1)) return false;
  return true;
}

/**
 * Answers already built, per tool and frozen tool result: a tool that returns a result it remembers
 * (a search served from the same cached page) is not rendered again, and its answer, frozen too, keeps
 * its serialized bytes (McpServerPool).
 */
const builtResults = new WeakMap<McpTool, WeakMap<object, CallToolResult>>();

function toCallToolResult(tool: McpTool, result: unknown): CallToolResult {
  const remembered = typeof result === 'object' && result !== null && Object.isFrozen(result);
  const known = remembered ? builtResults.get(tool)?.get(result) : undefined;
  if (known) return known;
  const built: CallToolResult = {
    content: [{ type: 'text', text: tool.render(result) }],
    structuredContent: result as Record<string, unknown>,
  };
  if (remembered) {
    let byResult = builtResults.get(tool);
    if (!byResult) builtResults.set(tool, (byResult = new WeakMap()));
    byResult.set(result, Object.freeze(built));
  }
  return built;
}

export function errorResult(
  code: string,
  message: string,
  extra: Omit<z.input<typeof toolErrorSchema>, 'code' | 'message'> = {},
): CallToolResult {
  return {
    isError: true,
    content: [{ type: 'text', text: `${code}: ${message}` }],
    structuredContent: { code, message, ...extra },
  };
}

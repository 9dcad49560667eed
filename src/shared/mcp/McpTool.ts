import type { z } from 'zod';

import type { AppContext } from '../app/AppContext.js';
import type { Principal } from '../auth/Authenticator.js';

export interface ToolScope {
  app: AppContext;
  principal: Principal;
  signal: AbortSignal;
}

/**
 * One MCP tool: its input is validated with the same zod schema the REST endpoint uses, its result is
 * `structuredContent` (matching `output`) plus a short text rendering for models that read text.
 */
export interface McpTool<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  title: string;
  description: string;
  input: I;
  output?: z.ZodType;
  readOnly: boolean;
  run(args: z.output<I>, scope: ToolScope): Promise<O>;
  render(result: O): string;
}

/** Helps TypeScript infer each tool's argument type from its schema. */
export function defineTool<I extends z.ZodType, O>(tool: McpTool<I, O>): McpTool<I, O> {
  return tool;
}

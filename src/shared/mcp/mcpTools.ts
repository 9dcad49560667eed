import type { McpTool } from './McpTool.js';
import { PLACE_TOOLS } from './placeTools.js';
import { PIPELINE_TOOLS } from './pipelineTools.js';

/** Every tool the MCP endpoint serves. */
export const MCP_TOOLS: readonly McpTool[] = [...PLACE_TOOLS, ...PIPELINE_TOOLS] as readonly McpTool[];

import { ITINERARY_EDIT_TOOLS } from './itineraryEditTools.js';
import type { McpTool } from './McpTool.js';
import { PIPELINE_TOOLS } from './pipelineTools.js';
import { PLACE_TOOLS } from './placeTools.js';
import { recommendPlacesTool } from './recommendTool.js';
import { TRIP_TOOLS } from './tripTools.js';

/** Every tool the MCP endpoint serves. */
export const MCP_TOOLS: readonly McpTool[] = [
  ...PLACE_TOOLS,
  recommendPlacesTool,
  ...PIPELINE_TOOLS,
  ...TRIP_TOOLS,
  ...ITINERARY_EDIT_TOOLS,
] as readonly McpTool[];

import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type ListToolsResult,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { z } from 'zod';

import { callTool } from './callTool.js';
import { registerItineraryResources } from './itineraryResources.js';
import type { McpTool, ToolScope } from './McpTool.js';
import { registerPlanTripPrompt } from './planTripPrompt.js';

export const MCP_INSTRUCTIONS = `TripGen place tools: real places, opening hours and travel times, with Korea answered by Kakao and the rest of the world by Google.
- Start with search_places (text and/or category near lat/lng). Use geocode first if you only have an address or city name.
- Call get_place_details with an id from search_places for opening hours (weekly periods, day 0 = Sunday, local HH:MM) before planning a visit time; "unknown" hours are a risk, not "always open".
- Use compute_route_matrix (one call) rather than many get_route calls when ordering several places. Legs marked estimated come from distance, not a provider.
- Trips: create_trip, list_trips, get_trip, update_trip, delete_trip; then create_itinerary_job → get_job_status → get_itinerary (also the resource tripgen://trips/{tripId}/itinerary).
- Adjust a plan with edit_itinerary (refused with conflict and reasons when it breaks hours or the day), get_alternatives, regenerate_itinerary. The plan_trip prompt walks through it all.
- Errors come back as isError results whose structuredContent has a stable "code" (validation_failed, upstream_unavailable, upstream_timeout, not_found, ...). Retry only codes that are transient.`;

/** structuredContent of an isError result: our stable error `code` and what the caller can do about it. */
export const toolErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  transient: z.boolean().optional(),
  retryAfterSeconds: z.number().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** JSON Schema for tools/list. Inputs as a client sends them; outputs leniently (extra fields allowed). */
function jsonSchema(schema: z.ZodType): { type: 'object'; [key: string]: unknown } {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { ...json, type: 'object' };
}

/**
 * A tool's outputSchema: its result or our error shape. The SDK's Client (1.x) validates
 * structuredContent against outputSchema even on isError results (typescript-sdk#1943), so an error
 * carrying its `code` there must conform too, or the client throws instead of showing the error.
 */
function outputJsonSchema(schema: z.ZodType): { type: 'object'; [key: string]: unknown } {
  const { $defs, ...result } = jsonSchema(schema);
  return { type: 'object', anyOf: [result, jsonSchema(toolErrorSchema)], ...($defs ? { $defs } : {}) };
}

/** tools/list answers, computed once per tool set: JSON Schema generation is far too slow per request. */
const toolLists = new WeakMap<readonly McpTool[], ListToolsResult>();

function listTools(tools: readonly McpTool[]): ListToolsResult {
  let list = toolLists.get(tools);
  if (!list) {
    list = {
      tools: tools.map((t) => ({
        name: t.name,
        title: t.title,
        description: t.description,
        inputSchema: jsonSchema(t.input),
        ...(t.output ? { outputSchema: outputJsonSchema(t.output) } : {}),
        annotations: { readOnlyHint: t.readOnly, openWorldHint: true },
      })),
    };
    toolLists.set(tools, list);
  }
  return list;
}

/**
 * The SDK builds an Ajv instance per Server unless given a validator; we never ask it to validate
 * (tools/call is ours), so one per process is plenty.
 */
let sharedValidator: AjvJsonSchemaValidator | undefined;

/**
 * A stateless MCP server over our tools, on the SDK's low-level `Server` (protocol, capabilities and
 * JSON-RPC are the SDK's). We handle tools/list and tools/call ourselves so that invalid arguments
 * and provider failures become `isError` results carrying our stable error `code` — McpServer would
 * turn validation failures into code-less text. `scope` may be a function: a pooled server serves
 * one request after another, each with its own caller (see McpServerPool).
 */
export function createMcpServer(tools: readonly McpTool[], scope: ToolScope | (() => ToolScope)): Server {
  const scopeOf = typeof scope === 'function' ? scope : () => scope;
  sharedValidator ??= new AjvJsonSchemaValidator();
  const server = new Server(
    { name: 'tripgen', title: 'TripGen places', version: '1.0.0' },
    {
      capabilities: { tools: { listChanged: false }, resources: {}, prompts: {} },
      instructions: MCP_INSTRUCTIONS,
      jsonSchemaValidator: sharedValidator,
    },
  );
  registerItineraryResources(server, scopeOf);
  registerPlanTripPrompt(server);
  const byName = new Map(tools.map((t) => [t.name, t]));

  server.setRequestHandler(ListToolsRequestSchema, async () => listTools(tools));

  server.setRequestHandler(CallToolRequestSchema, (request) => callTool(byName, request.params, scopeOf()));
  return server;
}

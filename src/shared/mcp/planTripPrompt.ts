import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';

const PLAN_TRIP = {
  name: 'plan_trip',
  title: 'Plan a trip end to end',
  description: 'Walks an assistant through creating a trip, generating its itinerary and adjusting it.',
  arguments: [
    { name: 'destination', description: 'Where to (a city or area).', required: true },
    { name: 'dates', description: 'Start and end date, e.g. 2026-12-10 to 2026-12-12.', required: true },
    { name: 'travellers', description: 'Who travels: ages, mobility, what they like.', required: false },
  ],
};

function planTripText(args: Record<string, string>): string {
  return [
    `Plan a trip to ${args.destination} for ${args.dates}${args.travellers ? ` for ${args.travellers}` : ''}.`,
    'Steps, with the TripGen tools:',
    '1. geocode the destination and the accommodation (ask where they stay if unknown) to get lat/lng and the country code.',
    '2. create_trip with the dates, daily hours, accommodation, transport and every traveller (age, mobility, preferences).',
    '   Put places they insist on in mustVisit (ids from search_places) and what to skip in avoid.',
    '3. create_itinerary_job, then get_job_status until completed, then get_itinerary (or read the resource tripgen://trips/{tripId}/itinerary).',
    '4. Show the plan day by day. Adjust with edit_itinerary (remove, move, swap, setDuration, add, replace, lockDay, dismissNote),',
    '   get_alternatives for "something else here", and regenerate_itinerary for a day or with a variation for a different plan.',
    '5. If an edit is refused (conflict), explain the reason (opening hours, day too long, travel) and offer alternatives.',
  ].join('\n');
}

/** The `plan_trip` prompt: a ready-made instruction for planning a trip with these tools. */
export function registerPlanTripPrompt(server: Server): void {
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: [PLAN_TRIP] }));
  server.setRequestHandler(GetPromptRequestSchema, async (request) => {
    if (request.params.name !== PLAN_TRIP.name)
      throw new McpError(ErrorCode.InvalidParams, `Unknown prompt ${request.params.name}`);
    const args = request.params.arguments ?? {};
    const missing = PLAN_TRIP.arguments.filter((a) => a.required && !args[a.name]).map((a) => a.name);
    if (missing.length > 0)
      throw new McpError(ErrorCode.InvalidParams, `Missing argument(s): ${missing.join(', ')}`);
    return {
      description: PLAN_TRIP.description,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: planTripText(args) } }],
    };
  });
}

import { randomUUID } from 'node:crypto';

import { benchItinerary } from './benchItinerary.js';
import type { BenchStack } from './benchStack.js';
import type { HotPathRequest } from './rawRequest.js';

export interface HotPath {
  name: string;
  request: HotPathRequest;
  /** The same call with every optional field (MCP `fields`), to show what the default saves. */
  allFields?: HotPathRequest;
}

const mcpCall = (auth: Record<string, string>, args: Record<string, unknown>): HotPathRequest => ({
  method: 'POST',
  path: '/api/mcp',
  headers: { ...auth, accept: 'application/json, text/event-stream', 'content-type': 'application/json' },
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'search_places', arguments: args },
  }),
});

/** Google (outside Korea) answers with opening hours: the larger, more common kind of page. */
const SEARCH_ARGS = { query: 'restaurant', lat: 35.6586, lng: 139.7454 };
const ITINERARY_BYTES = 28 * 1024;

/**
 * The three hot paths as a client sends them: a cached REST place search, the same search as an MCP
 * `tools/call` (stateless Streamable HTTP, JSON response), and the read of a 28 KB itinerary.
 */
export async function hotPaths(stack: BenchStack): Promise<HotPath[]> {
  const auth = { authorization: `Bearer ${stack.token}` };
  const query = new URLSearchParams({
    query: SEARCH_ARGS.query,
    lat: String(SEARCH_ARGS.lat),
    lng: String(SEARCH_ARGS.lng),
  });
  const { places } = await stack.app.places.search.search({
    ...SEARCH_ARGS,
    radius: 5000,
    language: 'ko',
    page: 1,
    size: 15,
  });
  const tripId = randomUUID();
  await stack.app.itineraryStore.put('bench', tripId, benchItinerary(tripId, places, ITINERARY_BYTES));
  return [
    {
      name: 'REST search (cached)',
      request: { method: 'GET', path: `/api/places/search?${query}`, headers: auth },
    },
    {
      name: 'MCP search_places (hit)',
      request: mcpCall(auth, SEARCH_ARGS),
      allFields: mcpCall(auth, { ...SEARCH_ARGS, fields: ['openingHours', 'phone', 'url', 'categories'] }),
    },
    {
      name: 'itinerary read (28 KB)',
      // As a browser asks: with Accept-Language (without it the trip row is read for its language).
      request: {
        method: 'GET',
        path: `/api/trips/${tripId}/itinerary`,
        headers: { ...auth, 'accept-language': 'ko-KR,ko;q=0.9' },
      },
    },
  ];
}

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

import { isAppError } from '../errors/AppError.js';
import { publicItinerary } from '../itinerary/publicItinerary.js';
import type { ToolScope } from './McpTool.js';

const URI = /^tripgen:\/\/trips\/([A-Za-z0-9_-]{1,128})\/itinerary$/;
/** Trips listed as resources (the newest; older ones can still be read by URI). */
const LISTED = 50;

/**
 * The caller's itineraries as MCP resources, `tripgen://trips/{tripId}/itinerary` (JSON): listed for
 * the trips that have one, readable by URI. Other users' trips are "not found", as over REST.
 */
export function registerItineraryResources(server: Server, scopeOf: () => ToolScope): void {
  // Servers are pooled (McpServerPool): the caller is read per request, never captured at creation.
  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    const { app, principal } = scopeOf();
    const page = await app.trips.list(principal.userId, LISTED);
    const withItinerary = await Promise.all(
      page.items.map(async (trip) =>
        (await app.itineraries.find(principal.userId, trip.id)) ? trip : undefined,
      ),
    );
    return {
      resources: withItinerary.flatMap((trip) =>
        trip
          ? [
              {
                uri: `tripgen://trips/${trip.id}/itinerary`,
                name: `${trip.name} itinerary`,
                title: `${trip.name} (${trip.startDate}–${trip.endDate})`,
                mimeType: 'application/json',
              },
            ]
          : [],
      ),
    };
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [
      {
        uriTemplate: 'tripgen://trips/{tripId}/itinerary',
        name: 'itinerary',
        title: 'The itinerary of one of your trips',
        mimeType: 'application/json',
      },
    ],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const { app, principal } = scopeOf();
    const match = URI.exec(request.params.uri);
    if (!match) throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${request.params.uri}`);
    try {
      const { doc } = await app.itineraries.get(principal.userId, match[1]!);
      return {
        contents: [
          {
            uri: request.params.uri,
            mimeType: 'application/json',
            text: JSON.stringify(publicItinerary(doc)),
          },
        ],
      };
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found')
        throw new McpError(ErrorCode.InvalidParams, `Resource not found: ${request.params.uri}`);
      throw error;
    }
  });
}

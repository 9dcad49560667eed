import { z } from 'zod';

import { placeSchema } from '../domain/place.js';
import { languageQuerySchema } from '../i18n/requestLanguage.js';
import { attachmentBodySchema, memoBodySchema } from '../itinerary/itineraryRequests.js';
import { createJobBodySchema } from '../jobs/Job.js';
import { geocodeParamsSchema, reverseGeocodeParamsSchema } from '../places/GeocodeService.js';
import { placeDetailsQuerySchema, placeSearchParamsSchema } from '../places/placeSearchParams.js';
import { matrixBodySchema, routeQuerySchema } from '../places/routeParams.js';
import { recommendationParamsSchema } from '../recommendations/recommendationParams.js';
import { recommendationsResultSchema } from '../recommendations/recommendationSchemas.js';
import { listTripsQuerySchema, tripInputSchema, tripPatchSchema } from '../trips/tripSchema.js';
import { EDITING_OPERATIONS } from './editingContract.js';
import * as r from './responseSchemas.js';

/** One HTTP operation of the public contract, described by the zod schemas its handler validates with. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style, without the `/api` prefix. */
  path: string;
  operationId: string;
  summary: string;
  tag: 'places' | 'trips' | 'jobs' | 'itinerary' | 'system' | 'mcp';
  auth: boolean;
  pathParams?: string[];
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: { name: string; required: boolean; description: string }[];
  responses: Record<
    number,
    {
      description: string;
      schema?: z.ZodType;
      contentType?: string;
      /** With `contentType` set: the same answer as `application/json` (Accept) in this schema. */
      json?: z.ZodType;
    }
  >;
}

const ifMatch = { name: 'If-Match', required: true, description: 'The ETag from your last read.' };

/** Every HTTP route the app registers (a test keeps this list and the function files in step). */
export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Liveness and readiness of each dependency',
    tag: 'system',
    auth: false,
    responses: {
      200: { description: 'Healthy or degraded', schema: r.healthSchema },
      503: { description: 'A required dependency is down', schema: r.healthSchema },
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    tag: 'system',
    auth: false,
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
  {
    method: 'get',
    path: '/places/search',
    operationId: 'searchPlaces',
    summary: 'Search places (Kakao in Korea, Google elsewhere)',
    tag: 'places',
    auth: true,
    query: placeSearchParamsSchema,
    responses: {
      200: { description: 'A page of places (ETag; Brotli/gzip when accepted)', schema: r.searchResultSchema },
      304: { description: 'Not modified (If-None-Match)' },
    },
  },
  {
    method: 'get',
    path: '/recommendations',
    operationId: 'recommendPlaces',
    summary: 'Places suited to a group near a point, ranked, with reasons and opening status (cached 2 h)',
    tag: 'places',
    auth: true,
    query: recommendationParamsSchema,
    responses: { 200: { description: 'Ranked places', schema: recommendationsResultSchema } },
  },
  {
    method: 'get',
    path: '/places/{id}',
    operationId: 'getPlace',
    summary: 'Place details with opening hours',
    tag: 'places',
    auth: true,
    pathParams: ['id'],
    query: placeDetailsQuerySchema,
    responses: {
      200: { description: 'The place', schema: placeSchema },
      404: { description: 'Unknown place' },
    },
  },
  {
    method: 'get',
    path: '/routes',
    operationId: 'getRoute',
    summary: 'One travel leg',
    tag: 'places',
    auth: true,
    query: routeQuerySchema,
    responses: { 200: { description: 'The leg', schema: r.routeLegSchema } },
  },
  {
    method: 'post',
    path: '/routes/matrix',
    operationId: 'computeRouteMatrix',
    summary: 'Travel matrix between points',
    tag: 'places',
    auth: true,
    body: matrixBodySchema,
    responses: { 200: { description: 'rows[origin][destination]', schema: r.matrixResultSchema } },
  },
  {
    method: 'get',
    path: '/geocode',
    operationId: 'geocode',
    summary: 'Address to coordinates',
    tag: 'places',
    auth: true,
    query: geocodeParamsSchema,
    responses: { 200: { description: 'Candidates, best first', schema: r.geocodeResultSchema } },
  },
  {
    method: 'get',
    path: '/reverse-geocode',
    operationId: 'reverseGeocode',
    summary: 'Coordinates to address',
    tag: 'places',
    auth: true,
    query: reverseGeocodeParamsSchema,
    responses: { 200: { description: 'The address, or null', schema: r.reverseGeocodeResultSchema } },
  },
  {
    method: 'post',
    path: '/trips',
    operationId: 'createTrip',
    summary: 'Create a trip',
    tag: 'trips',
    auth: true,
    body: tripInputSchema,
    responses: { 201: { description: 'Created (Location, ETag)', schema: r.tripSchema } },
  },
  {
    method: 'get',
    path: '/trips',
    operationId: 'listTrips',
    summary: 'Your trips, paged',
    tag: 'trips',
    auth: true,
    query: listTripsQuerySchema,
    responses: { 200: { description: 'A page of trips', schema: r.tripListSchema } },
  },
  {
    method: 'get',
    path: '/trips/{tripId}',
    operationId: 'getTrip',
    summary: 'Read a trip (ETag)',
    tag: 'trips',
    auth: true,
    pathParams: ['tripId'],
    responses: {
      200: { description: 'The trip', schema: r.tripSchema },
      404: { description: 'Not yours or absent' },
    },
  },
  {
    method: 'put',
    path: '/trips/{tripId}',
    operationId: 'replaceTrip',
    summary: 'Replace a trip',
    tag: 'trips',
    auth: true,
    pathParams: ['tripId'],
    headers: [ifMatch],
    body: tripInputSchema,
    responses: {
      200: { description: 'Replaced', schema: r.tripSchema },
      412: { description: 'ETag mismatch' },
      428: { description: 'If-Match missing' },
    },
  },
  {
    method: 'patch',
    path: '/trips/{tripId}',
    operationId: 'patchTrip',
    summary: 'Merge-patch a trip (RFC 7396)',
    tag: 'trips',
    auth: true,
    pathParams: ['tripId'],
    headers: [ifMatch],
    body: tripPatchSchema,
    responses: {
      200: { description: 'Patched', schema: r.tripSchema },
      412: { description: 'ETag mismatch' },
    },
  },
  {
    method: 'delete',
    path: '/trips/{tripId}',
    operationId: 'deleteTrip',
    summary: 'Delete a trip with its jobs, itinerary and photos',
    tag: 'trips',
    auth: true,
    pathParams: ['tripId'],
    responses: { 204: { description: 'Deleted' } },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary-jobs',
    operationId: 'createItineraryJob',
    summary: 'Generate the itinerary in the background',
    tag: 'jobs',
    auth: true,
    pathParams: ['tripId'],
    headers: [{ name: 'Idempotency-Key', required: false, description: 'Same key → same job.' }],
    body: createJobBodySchema,
    responses: {
      202: { description: 'Accepted (Location: /api/jobs/{jobId})', schema: r.jobAcceptedSchema },
    },
  },
  {
    method: 'get',
    path: '/jobs/{jobId}',
    operationId: 'getJob',
    summary: 'Job status and progress',
    tag: 'jobs',
    auth: true,
    pathParams: ['jobId'],
    responses: { 200: { description: 'The job', schema: r.jobViewSchema } },
  },
  {
    method: 'get',
    path: '/jobs/{jobId}/events',
    operationId: 'streamJob',
    summary: 'Job states as Server-Sent Events until it ends',
    tag: 'jobs',
    auth: true,
    pathParams: ['jobId'],
    responses: { 200: { description: 'text/event-stream of job views', contentType: 'text/event-stream' } },
  },
  {
    method: 'get',
    path: '/trips/{tripId}/itinerary',
    operationId: 'getItinerary',
    summary: 'The generated itinerary (ETag)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    query: languageQuerySchema,
    responses: {
      200: { description: 'The itinerary', schema: r.itinerarySchema },
      304: { description: 'Not modified' },
    },
  },
  {
    method: 'patch',
    path: '/trips/{tripId}/itinerary/items/{itemId}',
    operationId: 'setItemMemo',
    summary: 'Set a memo on an item',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'itemId'],
    body: memoBodySchema,
    responses: { 200: { description: 'The item', schema: r.itineraryItemSchema } },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary/items/{itemId}/attachments',
    operationId: 'createAttachmentUpload',
    summary: 'Get a short-lived upload URL for a photo',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'itemId'],
    body: attachmentBodySchema,
    responses: {
      201: { description: 'Upload with PUT + x-ms-blob-type: BlockBlob', schema: r.uploadSchema },
    },
  },
  ...EDITING_OPERATIONS,
  {
    method: 'post',
    path: '/mcp',
    operationId: 'mcp',
    summary: 'Model Context Protocol (Streamable HTTP, stateless, JSON responses)',
    tag: 'mcp',
    auth: true,
    body: z.record(z.string(), z.unknown()),
    responses: { 200: { description: 'JSON-RPC response' } },
  },
];

import { z } from 'zod';

import { placeSchema } from '../domain/place.js';
import {
  alternativesQuerySchema,
  editRequestSchema,
  regenerateRequestSchema,
} from '../itinerary/edit/editOperations.js';
import {
  createShareBodySchema,
  shareCreatedSchema,
  shareStatusSchema,
} from '../itinerary/share/shareRequests.js';
import type { ApiOperation } from './apiContract.js';
import { attachmentSchema, itineraryItemSchema, itinerarySchema } from './responseSchemas.js';

const ifMatch = { name: 'If-Match', required: true, description: 'The ETag from your last read.' };

const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  date: z.string().optional(),
  placeId: z.string().optional(),
  itemId: z.string().optional(),
});

/** The answer to an edit or a regeneration: the new itinerary (ETag header) and what to know about it. */
export const editResultSchema = z.object({ itinerary: itinerarySchema, warnings: z.array(warningSchema) });

export const alternativesSchema = z.object({
  itemId: z.string(),
  alternatives: z.array(
    z.object({
      place: placeSchema,
      score: z.number(),
      extraTravelMinutes: z.number(),
      start: z.string(),
      end: z.string(),
    }),
  ),
});

export const versionsSchema = z.object({
  versions: z.array(z.object({ revision: z.number().int(), savedAt: z.string(), reason: z.string() })),
});

export const photosSchema = z.object({
  photos: z.array(
    z.object({
      itemId: z.string(),
      attachmentId: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      createdAt: z.string(),
      readUrl: z.string(),
      expiresAt: z.string(),
    }),
  ),
});

/** GET /share/{token} as JSON: the itinerary without memos (unless shared), photos, job or metrics. */
export const sharedItinerarySchema = z.object({
  tripName: z.string(),
  tripId: z.string(),
  generatedAt: z.string(),
  language: z.string().describe('The trip language the places are named in (`nameOriginal` beside them).'),
  notice: z.string().optional(),
  days: z.array(
    z.object({
      date: z.string(),
      items: z.array(itineraryItemSchema.omit({ attachments: true, warnings: true, durationMinutes: true })),
    }),
  ),
});

const refused = { description: 'The edit breaks a planning rule (errors name each); nothing was written' };

/** Editing, alternatives, regeneration and versions of an itinerary. */
export const EDITING_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary/edits',
    operationId: 'editItinerary',
    summary: 'Remove, move, swap, resize, add, replace stops or lock a day; re-timed and validated',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    headers: [ifMatch],
    body: editRequestSchema,
    responses: { 200: { description: 'Applied (ETag)', schema: editResultSchema }, 409: refused },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary/regenerate',
    operationId: 'regenerateItinerary',
    summary: 'Plan one day or every unlocked day again (pins, memos and locked days kept)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    headers: [ifMatch],
    body: regenerateRequestSchema,
    responses: {
      200: { description: 'Regenerated (ETag)', schema: editResultSchema },
      409: { description: 'The day is locked' },
    },
  },
  {
    method: 'get',
    path: '/trips/{tripId}/itinerary/items/{itemId}/alternatives',
    operationId: 'getItemAlternatives',
    summary: 'Places that fit the same slot, best first (replace with an edit)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'itemId'],
    query: alternativesQuerySchema,
    responses: { 200: { description: 'Ranked alternatives', schema: alternativesSchema } },
  },
  {
    method: 'get',
    path: '/trips/{tripId}/itinerary/versions',
    operationId: 'listItineraryVersions',
    summary: 'Earlier versions kept before each edit, regeneration or restore',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    responses: { 200: { description: 'Newest first', schema: versionsSchema } },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary/versions/{revision}/restore',
    operationId: 'restoreItineraryVersion',
    summary: 'Make an earlier version current again (the current one is kept)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'revision'],
    headers: [ifMatch],
    responses: { 200: { description: 'The restored itinerary (ETag)', schema: itinerarySchema } },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/itinerary/items/{itemId}/attachments/{attachmentId}/complete',
    operationId: 'completeAttachment',
    summary: 'Confirm an upload: checked (present, size, image bytes) and marked ready',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'itemId', 'attachmentId'],
    responses: {
      200: { description: 'Ready', schema: attachmentSchema },
      422: { description: 'Missing, too large or not an image: deleted (code upload_rejected)' },
    },
  },
  {
    method: 'delete',
    path: '/trips/{tripId}/itinerary/items/{itemId}/attachments/{attachmentId}',
    operationId: 'deleteAttachment',
    summary: 'Delete a photo and its blob',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId', 'itemId', 'attachmentId'],
    responses: { 204: { description: 'Deleted' } },
  },
  {
    method: 'get',
    path: '/trips/{tripId}/itinerary/photos',
    operationId: 'listPhotos',
    summary: 'Ready photos of the itinerary with short-lived read URLs',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    responses: { 200: { description: 'Photos by item', schema: photosSchema } },
  },
  {
    method: 'post',
    path: '/trips/{tripId}/share',
    operationId: 'createShareLink',
    summary: 'A new read-only share link (the previous one stops working)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    body: createShareBodySchema,
    responses: { 201: { description: 'The link (its token is shown only now)', schema: shareCreatedSchema } },
  },
  {
    method: 'get',
    path: '/trips/{tripId}/share',
    operationId: 'getShareLink',
    summary: 'Whether the trip has a live share link',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    responses: { 200: { description: 'Share status', schema: shareStatusSchema } },
  },
  {
    method: 'delete',
    path: '/trips/{tripId}/share',
    operationId: 'revokeShareLink',
    summary: 'Revoke the share link (it answers 404 from now on)',
    tag: 'itinerary',
    auth: true,
    pathParams: ['tripId'],
    responses: { 204: { description: 'Revoked' } },
  },
  {
    method: 'get',
    path: '/share/{token}',
    operationId: 'viewSharedItinerary',
    summary: 'A shared itinerary, no sign-in: an HTML page, or JSON with Accept: application/json',
    tag: 'itinerary',
    auth: false,
    pathParams: ['token'],
    responses: {
      200: {
        description: 'The itinerary page (text/html) or its JSON (Accept: application/json)',
        contentType: 'text/html',
        json: sharedItinerarySchema,
      },
      404: { description: 'Unknown or revoked link' },
    },
  },
];

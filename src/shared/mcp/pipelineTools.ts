import { z } from 'zod';

import { languageCodeSchema } from '../i18n/languages.js';
import { localizeItinerary } from '../i18n/localizeItinerary.js';
import { jobOptionsSchema, toJobView } from '../jobs/Job.js';
import { itinerarySchema, jobViewSchema } from '../openapi/responseSchemas.js';
import { defineTool } from './McpTool.js';
import { renderItinerary } from './renderItinerary.js';

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a valid id');

export const createItineraryJobTool = defineTool({
  name: 'create_itinerary_job',
  title: 'Generate an itinerary',
  description:
    "Start generating the day-by-day itinerary of one of the caller's trips (created with POST /api/trips). Returns a jobId; " +
    'poll get_job_status until status is completed, then call get_itinerary. Pass idempotencyKey to make retries safe. ' +
    'A new job on a trip that has an itinerary replaces it (memos and photos carried over) but keeps the days the traveller locked.',
  input: z
    .object({
      tripId: idSchema.describe('The trip id.'),
      options: jobOptionsSchema.optional(),
      idempotencyKey: z
        .string()
        .regex(/^[\x21-\x7e]{1,128}$/)
        .optional()
        .describe('Same key → same job.'),
    })
    .strict(),
  output: jobViewSchema,
  readOnly: false,
  run: async (args, { app, principal }) =>
    toJobView(
      (
        await app.jobs.submit(
          principal.userId,
          args.tripId,
          jobOptionsSchema.parse(args.options),
          args.idempotencyKey,
        )
      ).job,
    ),
  render: (j) => `job ${j.jobId}: ${j.status}`,
});

export const getJobStatusTool = defineTool({
  name: 'get_job_status',
  title: 'Itinerary job status',
  description: 'Status (queued, running, completed, failed), step and progress 0–100 of a generation job.',
  input: z.object({ jobId: idSchema.describe('From create_itinerary_job.') }).strict(),
  output: jobViewSchema,
  readOnly: true,
  run: async (args, { app, principal }) => toJobView(await app.jobs.get(principal.userId, args.jobId)),
  render: (j) =>
    `job ${j.jobId}: ${j.status} (${j.step}, ${j.progress}%)${j.error ? ` — ${j.error.code}: ${j.error.message}` : ''}`,
});

export const getItineraryTool = defineTool({
  name: 'get_itinerary',
  title: 'The generated itinerary',
  description:
    "The trip's itinerary: days of timed visits, meals and travel legs, with warnings and what was dropped and why.",
  input: z
    .object({
      tripId: idSchema.describe('The trip id.'),
      language: languageCodeSchema.optional().describe('Show places in this language (default: the trip’s).'),
    })
    .strict(),
  output: itinerarySchema,
  readOnly: true,
  run: async (args, { app, principal, signal }) => {
    const { doc } = await app.itineraries.get(principal.userId, args.tripId);
    const { jobId: _jobId, ...view } = doc;
    const language = args.language ?? (await app.trips.get(principal.userId, args.tripId)).trip.language;
    return localizeItinerary(app.localizer, view, language, signal);
  },
  render: renderItinerary,
});

export const PIPELINE_TOOLS = [createItineraryJobTool, getJobStatusTool, getItineraryTool];

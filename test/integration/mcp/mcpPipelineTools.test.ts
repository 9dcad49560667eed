import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LocalApp } from '../../support/localApp.js';
import { sampleTrip } from '../../support/testApp.js';
import { callTool, connectMcp, errorOf, resultOf, startMcpApp, textOf } from './mcpClient.js';

interface JobView {
  jobId: string;
  tripId: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  step: string;
  progress: number;
  error?: { code: string; message: string };
  itineraryUrl?: string;
}

interface ItineraryView {
  tripId: string;
  days: Array<{
    date: string;
    items: Array<{ kind: string; start: string; end: string; place?: { name: string } }>;
  }>;
  warnings: unknown[];
  dropped: unknown[];
}

const OWNER = 'mcp-owner';
const STRANGER = 'mcp-stranger';

describe('MCP pipeline tools: create_itinerary_job, get_job_status, get_itinerary', () => {
  let local: LocalApp;
  let owner: Client;
  let stranger: Client;
  let tripId: string;

  /** Poll through the MCP tool (as an agent would) until the job ends. */
  async function waitForJob(jobId: string, timeoutMs: number): Promise<JobView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = resultOf<JobView>(await callTool(owner, 'get_job_status', { jobId }));
      if (job.status === 'completed' || job.status === 'failed' || Date.now() > deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A trip of the owner's, created over REST as a client app would. */
  async function createTrip(): Promise<string> {
    const res = await local.call(OWNER, '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleTrip()),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    local = await startMcpApp();
    [owner, stranger] = await Promise.all([connectMcp(local.url, OWNER), connectMcp(local.url, STRANGER)]);
    await Promise.all([owner.listTools(), stranger.listTools()]);
    tripId = await createTrip();
  });

  afterAll(async () => {
    await Promise.all([owner?.close(), stranger?.close()]);
    await local?.stop();
  });

  it('get_itinerary before any generation → isError not_found', async () => {
    expect(errorOf(await callTool(owner, 'get_itinerary', { tripId })).code).toBe('not_found');
  });

  it("create_itinerary_job queues a job for the caller's trip; the same idempotencyKey gives the same job", async () => {
    const first = await callTool(owner, 'create_itinerary_job', {
      tripId,
      idempotencyKey: 'mcp-retry-1',
      options: { useLlm: false },
    });
    const job = resultOf<JobView>(first);
    expect(job).toMatchObject({ tripId, status: 'queued', step: 'queued', progress: 0 });
    expect(job.jobId).toMatch(/^[A-Za-z0-9-]{1,64}$/);
    expect(textOf(first)).toBe(`job ${job.jobId}: queued`);

    const again = resultOf<JobView>(
      await callTool(owner, 'create_itinerary_job', {
        tripId,
        idempotencyKey: 'mcp-retry-1',
        options: { useLlm: false },
      }),
    );
    expect(again.jobId).toBe(job.jobId);
  });

  it('get_job_status shows the owner their job, and another user nothing (not_found)', async () => {
    const { jobId } = resultOf<JobView>(
      await callTool(owner, 'create_itinerary_job', { tripId, options: { useLlm: false } }),
    );
    const status = await callTool(owner, 'get_job_status', { jobId });
    expect(resultOf<JobView>(status)).toMatchObject({ jobId, tripId });
    expect(textOf(status)).toMatch(
      new RegExp(`^job ${jobId}: (queued|running|completed|failed) \\(\\w+, \\d+%\\)`),
    );

    const foreign = await callTool(stranger, 'get_job_status', { jobId });
    expect(errorOf(foreign)).toMatchObject({ code: 'not_found' });
    expect(JSON.stringify(foreign)).not.toContain(tripId);
  });

  it("another user can neither generate nor read the owner's trip (not_found, never forbidden)", async () => {
    expect(errorOf(await callTool(stranger, 'create_itinerary_job', { tripId })).code).toBe('not_found');
    expect(errorOf(await callTool(stranger, 'get_itinerary', { tripId })).code).toBe('not_found');
    expect(errorOf(await callTool(owner, 'create_itinerary_job', { tripId: 'no-such-trip' })).code).toBe(
      'not_found',
    );
    expect(errorOf(await callTool(owner, 'get_job_status', { jobId: 'no-such-job' })).code).toBe('not_found');
  });

  it.each([
    ['create_itinerary_job', { tripId: 'not a trip id!' }, 'tripId'],
    ['create_itinerary_job', { tripId: 'trip-1', options: { useLlm: 'yes' } }, 'options.useLlm'],
    [
      'create_itinerary_job',
      { tripId: 'trip-1', idempotencyKey: 'spaces are not allowed' },
      'idempotencyKey',
    ],
    ['get_job_status', {}, 'jobId'],
    ['get_itinerary', { tripId: 'x'.repeat(65) }, 'tripId'],
  ] as Array<[string, Record<string, unknown>, string]>)(
    '%s with bad arguments %j → validation_failed naming %s',
    async (tool, args, path) => {
      const error = errorOf(await callTool(owner, tool, args));
      expect(error.code).toBe('validation_failed');
      expect(error.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    },
  );

  it('a job runs to completed and get_itinerary returns the day-by-day plan', async () => {
    // A trip of its own: the jobs queued above for `tripId` would race this one to store its itinerary.
    const tripId = await createTrip();
    const { jobId } = resultOf<JobView>(
      await callTool(owner, 'create_itinerary_job', { tripId, options: { useLlm: false } }),
    );
    const job = await waitForJob(jobId, 60_000);
    expect(job, JSON.stringify(job)).toMatchObject({
      status: 'completed',
      progress: 100,
      itineraryUrl: `/api/trips/${tripId}/itinerary`,
    });

    const result = await callTool(owner, 'get_itinerary', { tripId });
    const itinerary = resultOf<ItineraryView>(result);
    expect(itinerary.tripId).toBe(tripId);
    expect(itinerary.days.map((d) => d.date)).toEqual(['2026-12-10', '2026-12-11']);
    expect(itinerary.days.flatMap((d) => d.items).some((i) => i.kind === 'visit' && i.place?.name)).toBe(
      true,
    );
    expect(itinerary).not.toHaveProperty('jobId');
    const text = textOf(result);
    expect(text).toMatch(/^2026-12-10\n/);
    expect(text).toContain('\n2026-12-11\n');
  }, 90_000);
});

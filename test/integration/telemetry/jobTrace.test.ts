import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ATTR, METRIC } from '../../../src/shared/telemetry/telemetryNames.js';
import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { sampleTrip, TEST_SECRET, tokenFor } from '../../support/testApp.js';
import { descendsFrom, type InMemoryTelemetry, startInMemoryTelemetry } from './inMemoryTelemetry.js';

async function waitForJob(local: LocalApp, jobId: string): Promise<{ status: string }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = (await (await local.call('tracer', `/api/jobs/${jobId}`)).json()) as { status: string };
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('one trace per job (local host, Storage queue, sandbox upstream, in-memory exporters)', () => {
  let telemetry: InMemoryTelemetry;
  let local: LocalApp;
  beforeAll(async () => {
    telemetry = await startInMemoryTelemetry();
    local = await startLocalApp({
      hostJson: {
        version: '2.0',
        extensions: { http: { routePrefix: 'api' }, queues: { maxPollingInterval: '00:00:00.200' } },
      },
    });
  });
  afterAll(async () => {
    await local?.stop();
    await telemetry?.shutdown();
  });

  it('carries the request trace through the queue message to the worker and its upstream calls', async () => {
    const created = await local.call('tracer', '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleTrip()),
    });
    expect(created.status).toBe(201);
    const trip = (await created.json()) as { id: string };
    telemetry.reset();
    const accepted = await local.call('tracer', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
    expect(accepted.status).toBe(202);
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect(await waitForJob(local, jobId)).toMatchObject({ status: 'completed' });

    const spans = telemetry.spans();
    const request = spans.find((s) => s.kind === SpanKind.SERVER && s.name === 'itinerary-jobs-create');
    const job = spans.find((s) => s.kind === SpanKind.CONSUMER && s.attributes[ATTR.jobId] === jobId);
    expect(request, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(job).toBeDefined();
    const traceId = request!.spanContext().traceId;
    expect(job!.spanContext().traceId).toBe(traceId);
    expect(job!.attributes).toMatchObject({ [ATTR.tripId]: trip.id, [ATTR.outcome]: 'completed' });
    // The queue-trigger invocation's own span (the host's) is linked, not the parent.
    expect(job!.links).toHaveLength(1);

    const upstream = spans.filter((s) => s.kind === SpanKind.CLIENT && s.attributes[ATTR.provider]);
    expect(upstream.length).toBeGreaterThan(0);
    const fromWorker = upstream.filter((s) => descendsFrom(spans, s, job!));
    expect(fromWorker.length).toBeGreaterThan(0);
    expect(fromWorker.every((s) => s.spanContext().traceId === traceId)).toBe(true);
    const steps = spans.filter((s) => s.name.startsWith('job ') && s.spanContext().traceId === traceId);
    expect(steps.map((s) => s.name)).toEqual(
      expect.arrayContaining(['job gathering_places', 'job planning', 'job validating']),
    );

    const durations = await telemetry.points(METRIC.jobDuration);
    const steps2 = durations.map((p) => `${String(p.attributes.step)}:${String(p.attributes.outcome)}`);
    expect(steps2).toEqual(
      expect.arrayContaining(['total:completed', 'gathering_places:ok', 'planning:ok', 'validating:ok']),
    );
    expect((await telemetry.points(METRIC.queueWaitTime)).length).toBe(1);
    expect((await telemetry.points(METRIC.generationTime))[0]?.attributes).toEqual({ outcome: 'ok' });
    expect((await telemetry.points(METRIC.plannerCpuTime)).length).toBe(1);
  });

  it('measures a job that plans around a locked day once per step: gathering now, planning when it stores', async () => {
    const created = await local.call('tracer', '/api/trips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleTrip()),
    });
    const trip = (await created.json()) as { id: string };
    const submit = async () => {
      const accepted = await local.call('tracer', `/api/trips/${trip.id}/itinerary-jobs`, { method: 'POST' });
      const { jobId } = (await accepted.json()) as { jobId: string };
      expect(await waitForJob(local, jobId)).toMatchObject({ status: 'completed' });
    };
    await submit();
    const read = await local.call('tracer', `/api/trips/${trip.id}/itinerary`);
    const { days } = (await read.json()) as { days: { date: string }[] };
    const locked = await local.call('tracer', `/api/trips/${trip.id}/itinerary/edits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': read.headers.get('etag')! },
      body: JSON.stringify({ operations: [{ op: 'lockDay', date: days[0]!.date }] }),
    });
    expect(locked.status).toBe(200);
    const count = async (step: string) => {
      const points = await telemetry.points(METRIC.jobDuration);
      const point = points.find((p) => p.attributes.step === step && p.attributes.outcome === 'ok');
      return (point?.value as { count?: number } | undefined)?.count ?? 0;
    };
    const before = { gathering: await count('gathering_places'), planning: await count('planning') };
    const cpuBefore = (await telemetry.points(METRIC.plannerCpuTime))[0]?.value as { count: number };
    await submit();
    expect(await count('gathering_places')).toBe(before.gathering + 1);
    expect(await count('planning')).toBe(before.planning + 1);
    const cpuAfter = (await telemetry.points(METRIC.plannerCpuTime))[0]?.value as { count: number };
    expect(cpuAfter.count).toBe(cpuBefore.count + 1);
  });

  it('puts no configured secret or token in log records, log lines or spans', async () => {
    const token = await tokenFor('tracer');
    const secrets = [local.sandbox.kakaoKey, local.sandbox.googleKey, TEST_SECRET, token];
    const records = telemetry.logs();
    const everything = [
      JSON.stringify(telemetry.spans().map((s) => [s.name, s.attributes, s.events, s.links])),
      JSON.stringify(records.map((r) => [r.body, r.attributes])),
      local.logs.join('\n'),
    ].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});

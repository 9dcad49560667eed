import http from 'node:http';
import path from 'node:path';

import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { InvocationSpan } from '../../../src/local/host/invocation/invocationSpan.js';
import { type InMemoryTelemetry, startInMemoryTelemetry } from '../telemetry/inMemoryTelemetry.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/httpFunctions.ts');
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

let telemetry: InMemoryTelemetry;
let host: LocalHost;
let url: string;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
  host = createLocalHost({
    functionFiles: [fixture],
    port: 0,
    hostJson: { extensions: { http: { routePrefix: 'api' } } },
    env: {},
    logger: memoryHostLogger(),
    serviceBus: () => undefined,
  });
  ({ url } = await host.start());
});
afterAll(async () => {
  await host.stop();
  await telemetry.shutdown();
});

/**
 * GET over node:http: the test process's `fetch` is traced too (undici instrumentation), and its own
 * client span would be the caller here.
 */
async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}${path}`, { headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      })
      .on('error', reject);
  });
}

describe('the local host records a span per invocation, as the Functions host does', () => {
  it("an HTTP request: a SERVER span in the caller's trace whose traceparent the function gets", async () => {
    telemetry.reset();
    const res = await get('/api/trips/x', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(res.status).toBe(200);
    const body = res.body as { traceParent: string; invocationId: string };
    const spans = telemetry.spans().filter((s) => s.kind === SpanKind.SERVER);
    expect(spans).toHaveLength(1);
    const [server] = spans;
    expect(server!.name).toBe('getTrip');
    expect(server!.spanContext().traceId).toBe(CALLER_TRACE);
    expect(server!.parentSpanContext).toMatchObject({ spanId: CALLER_SPAN, isRemote: true });
    expect(server!.attributes).toEqual({
      'faas.trigger': 'httpTrigger',
      'faas.invocation_id': body.invocationId,
      'http.request.method': 'GET',
      'http.route': '/api/trips/{tripId}',
      'http.response.status_code': 200,
    });
    expect(server!.status.code).toBe(SpanStatusCode.UNSET);
    // The function runs in the host span's context: what it does is a child of that span.
    expect(body.traceParent).toBe(`00-${CALLER_TRACE}-${server!.spanContext().spanId}-01`);
  });

  it("a caller's unsampled trace: no span recorded, and the function gets that unsampled context", async () => {
    telemetry.reset();
    const res = await get('/api/trips/x', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    expect(res.status).toBe(200);
    const { traceParent } = res.body as { traceParent: string };
    const [version, traceId, spanId, flags] = traceParent.split('-');
    expect([version, traceId, flags]).toEqual(['00', CALLER_TRACE, '00']);
    expect(spanId).not.toBe(CALLER_SPAN);
    expect(telemetry.spans()).toEqual([]);
  });

  it('a function that throws: the span ends with the 500 the host answered, as an error', async () => {
    telemetry.reset();
    const res = await get('/api/boom');
    expect(res.status).toBe(500);
    const [server] = telemetry.spans().filter((s) => s.kind === SpanKind.SERVER);
    expect(server?.name).toBe('boom');
    expect(server!.attributes['http.response.status_code']).toBe(500);
    expect(server!.status.code).toBe(SpanStatusCode.ERROR);
    // A new trace: no caller traceparent.
    expect(server!.parentSpanContext).toBeUndefined();
  });

  it('an answer whose writing fails: the span ends as a 500 error, not with the status begun', async () => {
    telemetry.reset();
    await get('/api/broken-stream').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [server] = telemetry.spans().filter((s) => s.kind === SpanKind.SERVER);
    expect(server?.name).toBe('brokenStream');
    expect(server!.attributes['http.response.status_code']).toBe(500);
    expect(server!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('queue messages get CONSUMER spans, timers INTERNAL ones; each span ends once', () => {
    telemetry.reset();
    const info = { functionName: 'jobs', invocationId: 'inv-1' };
    new InvocationSpan({ ...info, triggerType: 'queueTrigger' }, undefined).end({});
    const timer = new InvocationSpan({ ...info, triggerType: 'timerTrigger' }, undefined);
    timer.end({ failed: true });
    timer.end({});
    expect(telemetry.spans().map((s) => [s.kind, s.status.code])).toEqual([
      [SpanKind.CONSUMER, SpanStatusCode.UNSET],
      [SpanKind.INTERNAL, SpanStatusCode.ERROR],
    ]);
  });

  it('with invocation spans off (the host is another process) it only hands over a traceparent', () => {
    telemetry.reset();
    const span = new InvocationSpan(
      { functionName: 'getTrip', triggerType: 'httpTrigger', invocationId: 'inv-2' },
      `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
      false,
    );
    span.end({ httpStatus: 200 });
    expect(telemetry.spans()).toEqual([]);
    expect(span.traceParent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[\\da-f]{16}-01$`));
    expect(span.traceParent).not.toContain(CALLER_SPAN);
  });
});

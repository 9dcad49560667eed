import { context, SpanKind, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ATTR, METRIC } from '../../../src/shared/telemetry/telemetryNames.js';
import { query, UPSTREAM, usePlacesApp } from '../places/placesApp.js';
import {
  descendsFrom,
  type InMemoryTelemetry,
  startInMemoryTelemetry,
  withAttributes,
} from './inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

describe('place search telemetry (local host, sandbox upstream, in-memory exporters)', () => {
  const app = usePlacesApp();
  const search = `/api/places/search${query({ query: '경복궁', lat: 37.5796, lng: 126.977 })}`;

  it('a cold search: a server span with a client span to the provider (provider, operation, no key, no query)', async () => {
    telemetry.reset();
    const res = await app.request(search);
    expect(res.status).toBe(200);
    expect(res.body.cache).toBe('miss');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);

    const spans = telemetry.spans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(server).toBeDefined();
    expect(server!.attributes['http.response.status_code']).toBe(200);
    const calls = withAttributes(spans, { [ATTR.provider]: 'kakao', [ATTR.operation]: 'kakao.search' });
    const call = calls.find((s) => s.name === 'kakao.search');
    expect(call).toBeDefined();
    expect(call!.kind).toBe(SpanKind.CLIENT);
    expect(call!.spanContext().traceId).toBe(server!.spanContext().traceId);
    expect(descendsFrom(spans, call!, server!)).toBe(true);
    expect(call!.attributes).toMatchObject({
      [ATTR.retryCount]: 0,
      [ATTR.cacheOutcome]: 'miss',
      [ATTR.outcome]: 'ok',
      [ATTR.peerService]: 'kakao',
    });

    // The HTTP facts of the try are on the call's span (one dependency per upstream operation): the
    // sandbox's address, the path and the status, but neither the query nor the key. No HTTP span of
    // its own, so no trace context went to the provider.
    const sandbox = new URL(app.local.sandbox.url);
    expect(call!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.full': `${app.local.sandbox.url}${UPSTREAM.kakaoKeyword}`,
      'server.address': sandbox.hostname,
      'server.port': Number(sandbox.port),
      'http.response.status_code': 200,
    });
    expect(spans.filter((s) => s.parentSpanContext?.spanId === call!.spanContext().spanId)).toEqual([]);
    const everything = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events]));
    expect(everything).not.toContain('경복궁');
    expect(everything).not.toContain(encodeURIComponent('경복궁'));
    expect(everything).not.toContain(app.local.sandbox.kakaoKey);
    expect(everything).not.toContain(app.local.sandbox.googleKey);
  });

  it('a warm search: a server span and no upstream client span', async () => {
    await app.request(search);
    telemetry.reset();
    const res = await app.request(search);
    expect(res.body.cache).toBe('hit');
    const spans = telemetry.spans();
    expect(spans.filter((s) => s.kind === SpanKind.SERVER)).toHaveLength(1);
    expect(spans.filter((s) => s.attributes[ATTR.provider] !== undefined)).toEqual([]);
  });

  it("continues the caller's trace: the server span joins the trace of the request's traceparent", async () => {
    telemetry.reset();
    // The test's fetch is itself traced (undici instrumentation): it sends the traceparent of its own
    // client span, a child of this caller span. The host's server span continues that header: its
    // parent is remote (read from the request), in the caller's trace.
    const caller = trace.getTracer('test').startSpan('caller');
    const res = await context.with(trace.setSpan(context.active(), caller), () => app.request(search));
    caller.end();
    expect(res.status).toBe(200);
    const spans = telemetry.spans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(server?.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(server?.parentSpanContext?.isRemote).toBe(true);
    const callerSpan = spans.find((s) => s.spanContext().spanId === caller.spanContext().spanId);
    expect(descendsFrom(spans, server!, callerSpan!)).toBe(true);
  });

  it('records cache_hit_ratio and the hit/miss counters by service and cache type', async () => {
    const ratio = await telemetry.points(METRIC.cacheHitRatio);
    const search = ratio.find((p) => p.attributes.cache_type === 'search');
    expect(search?.attributes).toEqual({ service: 'location', cache_type: 'search' });
    expect(search!.value).toBeGreaterThan(0);
    expect(search!.value).toBeLessThan(1);
    const hits = await telemetry.points(METRIC.cacheHits);
    expect(
      hits.find((p) => p.attributes.cache_type === 'search' && p.attributes.tier === 'l1')?.value,
    ).toBeGreaterThanOrEqual(2);
    const misses = await telemetry.points(METRIC.cacheMisses);
    expect(misses.find((p) => p.attributes.cache_type === 'search')?.value).toBeGreaterThanOrEqual(1);
  });

  it('records external_api_latency by provider and endpoint, and upstream calls', async () => {
    const latency = await telemetry.points(METRIC.externalApiLatency);
    const kakao = latency.find((p) => p.attributes.endpoint === 'kakao.search');
    expect(kakao?.attributes).toEqual({ provider: 'kakao', endpoint: 'kakao.search' });
    expect((kakao!.value as { count: number }).count).toBeGreaterThanOrEqual(1);
    const calls = await telemetry.points(METRIC.upstreamCalls);
    const searches = calls.find((p) => p.attributes.endpoint === 'kakao.search');
    expect(searches?.attributes).toEqual({ provider: 'kakao', endpoint: 'kakao.search', outcome: 'ok' });
    // The one cold search of this file; every later one was answered from the cache.
    expect(searches?.value).toBe(1);
    // The per-try HTTP duration of the undici instrumentation would repeat external_api_latency.
    expect(await telemetry.points('http.client.request.duration')).toEqual([]);
  });
});

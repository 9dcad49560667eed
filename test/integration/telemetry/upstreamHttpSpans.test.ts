import http from 'node:http';

import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { getGlobalDispatcher, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sendUpstreamRequest } from '../../../src/shared/providers/http/sendUpstreamRequest.js';
import { traceUpstreamCall } from '../../../src/shared/telemetry/upstreamCall.js';
import { type InMemoryTelemetry, startInMemoryTelemetry } from './inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
let server: http.Server;
let origin: string;
/** The `traceparent` header of each request the server received, in order. */
const received: (string | undefined)[] = [];
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
  server = http.createServer((req, res) => {
    received.push(req.headers.traceparent as string | undefined);
    res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await telemetry.shutdown();
});

/** Inside a request's trace (the Functions host's remote span, as in Azure). */
const inRequest = <T>(work: () => Promise<T>) =>
  context.with(
    trace.setSpanContext(ROOT_CONTEXT, {
      traceId: 'c3'.repeat(16),
      spanId: 'd4'.repeat(8),
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    }),
    work,
  );

describe('HTTP tries of upstream calls', () => {
  it('a provider call reports its tries on its own span: no HTTP span, no trace context sent', async () => {
    telemetry.reset();
    received.length = 0;
    const url = new URL(`${origin}/missing/keyword.json?query=my+home`);
    const response = await inRequest(() =>
      traceUpstreamCall({ provider: 'kakao', operation: 'kakao.search', recordsHttp: true }, (attempt) => {
        attempt();
        return sendUpstreamRequest(
          { url, method: 'GET', headers: { authorization: 'KakaoAK secret-key-value' } },
          { dispatcher: getGlobalDispatcher(), timeoutMs: 2_000, provider: 'kakao' },
        );
      }),
    );
    expect(response.status).toBe(404);
    expect(received).toEqual([undefined]);
    const spans = telemetry.spans();
    expect(spans.map((s) => s.name)).toEqual(['kakao.search']);
    expect(spans[0]!.kind).toBe(SpanKind.CLIENT);
    expect(spans[0]!.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.full': `${origin}/missing/keyword.json`,
      'http.response.status_code': 404,
    });
    expect(JSON.stringify(spans[0]!.attributes)).not.toContain('my+home');
  });

  it("the span keeps the last try's facts: no status when the last try got no answer", async () => {
    telemetry.reset();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedOrigin = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const send = (url: string) =>
      sendUpstreamRequest(
        { url: new URL(url), method: 'GET', headers: {} },
        { dispatcher: getGlobalDispatcher(), timeoutMs: 2_000, provider: 'kakao' },
      );
    await inRequest(() =>
      traceUpstreamCall({ provider: 'kakao', operation: 'kakao.geo', recordsHttp: true }, async (attempt) => {
        attempt();
        expect((await send(`${origin}/missing/first.json?x=1`)).status).toBe(404);
        attempt();
        await expect(send(`${closedOrigin}/second.json?x=2`)).rejects.toMatchObject({
          code: 'upstream_unavailable',
        });
      }).catch(() => undefined),
    );
    const [call] = telemetry.spans();
    expect(call!.attributes).toMatchObject({
      'url.full': `${closedOrigin}/second.json`,
      'tripgen.retry_count': 1,
    });
    expect(call!.attributes['http.response.status_code']).toBeUndefined();
  });

  it("another client's HTTP (a vendor SDK) is an HTTP span under the call and carries the trace", async () => {
    telemetry.reset();
    received.length = 0;
    await inRequest(() =>
      traceUpstreamCall({ provider: 'openai', operation: 'openai.rank' }, async (attempt) => {
        attempt();
        const res = await request(`${origin}/v1/chat?api-version=1`);
        await res.body.text();
      }),
    );
    const spans = telemetry.spans();
    const call = spans.find((s) => s.name === 'openai.rank')!;
    const tryspan = spans.find((s) => s.name === 'GET')!;
    expect(tryspan.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(tryspan.attributes['url.full']).toBe(`${origin}/v1/chat`);
    expect(received).toHaveLength(1);
    expect(received[0]).toBe(`00-${'c3'.repeat(16)}-${tryspan.spanContext().spanId}-01`);
  });
});

import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createRedisConnection } from '../../../src/shared/cache/redisConnection.js';
import { RedisSearchRecorder } from '../../../src/shared/places/SearchRecorder.js';
import { redisUrl } from '../../support/redisTest.js';
import { descendsFrom, type InMemoryTelemetry, startInMemoryTelemetry } from './inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

/** Run `work` inside a SERVER span standing for the request, and return that span's id. */
async function asRequest(work: () => Promise<void>): Promise<string> {
  const request = trace.getTracer('test').startSpan('GET /api/x', { kind: SpanKind.SERVER });
  await context.with(trace.setSpan(context.active(), request), work);
  request.end();
  return request.spanContext().spanId;
}

function requestSpan(spanId: string) {
  const span = telemetry.spans().find((s) => s.spanContext().spanId === spanId);
  expect(span).toBeDefined();
  return span!;
}

describe('dependency spans (in-memory exporters, real redis-server and Azurite)', () => {
  it.skipIf(!redisUrl())(
    'a Redis command is a client span under the request, without its key or value',
    async () => {
      const redis = createRedisConnection(redisUrl()!);
      try {
        await redis.ping();
        telemetry.reset();
        const id = await asRequest(async () => {
          await redis.set('telemetry:user-secret-key', 'user-secret-value');
        });
        // Outside any request: no span at all.
        await redis.get('telemetry:user-secret-key');
        const request = requestSpan(id);
        const commands = telemetry.spans().filter((s) => s.attributes['db.system'] === 'redis');
        expect(commands.map((s) => s.name)).toEqual(['redis set']);
        const [set] = commands;
        expect(set!.kind).toBe(SpanKind.CLIENT);
        expect(set!.spanContext().traceId).toBe(request.spanContext().traceId);
        expect(descendsFrom(telemetry.spans(), set!, request)).toBe(true);
        expect(set!.attributes['db.operation.name']).toBe('set');
        const everything = JSON.stringify(commands.map((s) => [s.name, s.attributes]));
        expect(everything).not.toContain('user-secret');
      } finally {
        redis.disconnect();
      }
    },
  );

  it('Table and Blob calls are client spans of the Azure SDKs under the request', async () => {
    const connection = inject('storageConnectionString');
    const table = TableClient.fromConnectionString(connection, 'telemetrydeps', {
      allowInsecureConnection: true,
    });
    const blobs = BlobServiceClient.fromConnectionString(connection).getContainerClient('telemetry-deps');
    telemetry.reset();
    const id = await asRequest(async () => {
      await table.createTable();
      await blobs.createIfNotExists();
    });
    const request = requestSpan(id);
    const under = telemetry.spans().filter((s) => s.spanContext().traceId === request.spanContext().traceId);
    const names = under.map((s) => s.name);
    expect(names).toContain('TableClient.createTable');
    expect(names).toContain('ContainerClient-createIfNotExists');
    const http = under.filter((s) => s.kind === SpanKind.CLIENT && /^HTTP (PUT|POST)$/.test(s.name));
    expect(http.length).toBeGreaterThanOrEqual(2);
    for (const span of under) if (span !== request) expect(descendsFrom(under, span, request)).toBe(true);

    // Outside any request (a poll, start-up work): no trace of its own.
    telemetry.reset();
    await table.listEntities().next();
    expect(telemetry.spans()).toEqual([]);
  });

  // In Azure the Functions host records the request span in its own process: a function runs in the
  // host's trace context, a remote parent that records nothing in the worker. Its calls still belong
  // to the request's trace; an unsampled trace records none.
  it("under the Functions host's remote request span, Redis and Table calls are its children", async () => {
    const host = { traceId: 'a1'.repeat(16), spanId: 'b2'.repeat(8), isRemote: true };
    const inHost = (traceFlags: TraceFlags, work: () => Promise<unknown>) =>
      context.with(trace.setSpanContext(ROOT_CONTEXT, { ...host, traceFlags }), work);
    const table = TableClient.fromConnectionString(inject('storageConnectionString'), 'telemetryhost', {
      allowInsecureConnection: true,
    });
    const redis = redisUrl() ? createRedisConnection(redisUrl()!) : undefined;
    try {
      await redis?.ping();
      telemetry.reset();
      await inHost(TraceFlags.SAMPLED, async () => {
        await table.createTable();
        await redis?.get('telemetry:host');
      });
      const spans = telemetry.spans();
      const names = spans.map((s) => s.name);
      expect(names).toContain('TableClient.createTable');
      if (redis) expect(names).toContain('redis get');
      for (const span of spans) expect(span.spanContext().traceId).toBe(host.traceId);
      const roots = spans.filter((s) => s.parentSpanContext?.spanId === host.spanId);
      expect(roots.map((s) => s.name)).toEqual(
        expect.arrayContaining(['TableClient.createTable', ...(redis ? ['redis get'] : [])]),
      );

      telemetry.reset();
      await inHost(TraceFlags.NONE, async () => {
        await table.createTable();
        await redis?.get('telemetry:host');
      });
      expect(telemetry.spans()).toEqual([]);
    } finally {
      redis?.disconnect();
    }
  });

  it.skipIf(!redisUrl())(
    "a search recorder's background flush writes outside the trace of the request that triggered it",
    async () => {
      const redis = createRedisConnection(redisUrl()!);
      try {
        await redis.ping();
        const recorder = new RedisSearchRecorder(redis, { flushIntervalMs: 20, maxPending: 1_000 });
        telemetry.reset();
        const host = trace.setSpanContext(ROOT_CONTEXT, {
          traceId: 'a7'.repeat(16),
          spanId: 'b8'.repeat(8),
          traceFlags: TraceFlags.SAMPLED,
          isRemote: true,
        });
        const search = {
          query: `flush test ${Math.random().toString(36).slice(2)}`,
          radius: 500,
          language: 'ko',
          page: 1,
          size: 15,
        };
        context.with(host, () => recorder.record(search));
        await new Promise((resolve) => setTimeout(resolve, 100));
        await recorder.flush(); // waits for the write the timer started
        // The timer wrote the count, and none of its Redis commands joined the request's trace.
        expect(await redis.zscore('location:popular:search:v1', JSON.stringify(search))).toBe('1');
        expect(telemetry.spans().filter((s) => s.spanContext().traceId === 'a7'.repeat(16))).toEqual([]);
      } finally {
        redis.disconnect();
      }
    },
  );
});

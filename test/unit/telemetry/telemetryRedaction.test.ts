import { context, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cacheDimensions } from '../../../src/shared/telemetry/cacheTelemetry.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { httpSpanAttributes } from '../../../src/shared/telemetry/otel/undiciInstrumentation.js';
import {
  type InMemoryTelemetry,
  startInMemoryTelemetry,
} from '../../integration/telemetry/inMemoryTelemetry.js';

let telemetry: InMemoryTelemetry;
beforeAll(async () => {
  telemetry = await startInMemoryTelemetry();
});
afterAll(async () => {
  await telemetry.shutdown();
});

describe('what telemetry may carry', () => {
  it('HTTP spans keep the path and drop the query string', () => {
    expect(
      httpSpanAttributes({
        origin: 'https://dapi.kakao.com',
        path: '/v2/local/search/keyword.json?query=my+home',
      }),
    ).toEqual({
      'url.full': 'https://dapi.kakao.com/v2/local/search/keyword.json',
      'url.query': '[redacted]',
    });
    expect(
      httpSpanAttributes({ origin: 'https://places.googleapis.com', path: '/v1/places:searchText' }),
    ).toEqual({
      'url.full': 'https://places.googleapis.com/v1/places:searchText',
      'url.query': '',
    });
    // An empty query is no query.
    expect(
      httpSpanAttributes({
        origin: 'http://127.0.0.1:7071',
        path: '/v2/local/geo/coord2address.json?',
      }),
    ).toEqual({
      'url.full': 'http://127.0.0.1:7071/v2/local/geo/coord2address.json',
      'url.query': '',
    });
  });

  it('cache dimensions are the service and the kind of data, never the id', () => {
    expect(cacheDimensions('location:search:kakao-abc123:v1')).toEqual({
      service: 'location',
      cache_type: 'search',
    });
    expect(cacheDimensions('itinerary:doc:user-7-trip-9:v1')).toEqual({
      service: 'itinerary',
      cache_type: 'doc',
    });
  });

  it('log records carry level, event, fields and the active trace, with secrets masked', () => {
    const lines: string[] = [];
    const logger = createLogger((_level, line) => lines.push(line), 'debug', { app: 'tripgen' });
    const span = trace.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () =>
      logger.warn('upstream refused', {
        event: 'upstream_refused',
        jobId: 'job-1',
        header: 'KakaoAK 0123456789abcdef',
        url: 'https://maps.example/x?key=AIzaSECRET&q=1',
      }),
    );
    span.end();
    const { traceId, spanId } = span.spanContext();
    const record = telemetry.logs().at(-1)!;
    expect(record.severityText).toBe('WARN');
    expect(record.eventName).toBe('upstream_refused');
    expect(record.attributes).toMatchObject({ app: 'tripgen', jobId: 'job-1' });
    expect(record.spanContext).toMatchObject({ traceId, spanId });
    expect(JSON.parse(lines[0]!)).toMatchObject({ trace_id: traceId, span_id: spanId, level: 'warn' });
    const text = JSON.stringify([record.attributes, record.body, lines]);
    expect(text).not.toContain('0123456789abcdef');
    expect(text).not.toContain('AIzaSECRET');
  });
});

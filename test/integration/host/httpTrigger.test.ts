import { connect } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLocalHost, type LocalHost } from '../../../src/local/host/createLocalHost.js';
import { memoryHostLogger } from '../../../src/local/host/HostLogger.js';
import { callsOf, gates } from '../../fixtures/host/recorder.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/host/httpFunctions.ts');

describe('local host: HTTP triggers', () => {
  const logger = memoryHostLogger();
  let host: LocalHost;
  let url: string;

  beforeAll(async () => {
    host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      hostJson: { extensions: { http: { routePrefix: 'api' } } },
      env: {},
      logger,
      maxRequestBodyBytes: 1024,
      serviceBus: () => undefined,
    });
    ({ url } = await host.start());
  });

  afterAll(async () => {
    await host.stop();
  });

  it('routes by template and passes params, repeated query keys and headers to the real HttpRequest', async () => {
    const res = await fetch(`${url}/api/trips/seoul%20trip?tag=food&tag=art&lang=ko`, {
      headers: { 'x-test': 'hello' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      tripId: 'seoul trip',
      tags: ['food', 'art'],
      lang: 'ko',
      header: 'hello',
      functionName: 'getTrip',
    });
    expect(body.traceParent).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
  });

  it('logs each invocation with its function name and invocation id', async () => {
    const res = await fetch(`${url}/api/trips/t-42`);
    const { invocationId } = (await res.json()) as { invocationId: string };
    const messages = logger.lines.map((l) => l.message);
    expect(messages).toContain(`[getTrip:${invocationId}] reading trip t-42`);
    expect(
      messages.some(
        (m) =>
          m.startsWith(`Executed 'Functions.getTrip' (Succeeded, Id=${invocationId}, Duration=`) &&
          m.endsWith('GET /api/trips/t-42 -> 200'),
      ),
    ).toBe(true);
  });

  it('continues the caller trace from traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${url}/api/trips/x`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const body = (await res.json()) as { traceParent: string };
    expect(body.traceParent.split('-')[1]).toBe(traceId);
    expect(body.traceParent.split('-')[2]).not.toBe('00f067aa0ba902b7');
  });

  it('round-trips body, status, headers and cookies', async () => {
    const res = await fetch(`${url}/api/echo/7`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '경복궁' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(res.headers.get('location')).toBe('/api/echo/7');
    expect(res.headers.getSetCookie()).toEqual(['session=a%20b; Max-Age=60; Path=/; HttpOnly; SameSite=Lax']);
    expect(await res.json()).toEqual({
      id: '7',
      method: 'POST',
      body: { name: '경복궁' },
      contentType: 'application/json',
    });
  });

  it("passes the function's own 400 through", async () => {
    const res = await fetch(`${url}/api/echo/7`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('answers a body over the limit with 413 problem+json before the function runs', async () => {
    const before = logger.lines.filter((l) => l.message.startsWith("Executed 'Functions.echo'")).length;
    const res = await fetch(`${url}/api/echo/7`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(2000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
    const after = logger.lines.filter((l) => l.message.startsWith("Executed 'Functions.echo'")).length;
    expect(after).toBe(before);
  });

  it('applies a streamed (chunked) body limit too', async () => {
    const chunks = ['{"pad":"', 'y'.repeat(800), 'y'.repeat(800), '"}'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const res = await fetch(`${url}/api/echo/7`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('checks route constraints: {id:int} does not match a word', async () => {
    const res = await fetch(`${url}/api/echo/abc`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('supports optional parameters', async () => {
    expect(await (await fetch(`${url}/api/items`)).json()).toEqual({ name: null });
    expect(await (await fetch(`${url}/api/items/bag`)).json()).toEqual({ name: 'bag' });
  });

  it('answers an unset result with 204', async () => {
    const res = await fetch(`${url}/api/nothing`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('answers unknown routes and unrouted methods with 404 problem+json', async () => {
    const unknown = await fetch(`${url}/api/nowhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(await unknown.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      traceId: expect.stringMatching(/^[\da-f]{32}$/),
    });

    const wrongMethod = await fetch(`${url}/api/trips/1`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
    expect(((await wrongMethod.json()) as { detail: string }).detail).toContain('GET');
  });

  it('answers a Host header that cannot form a URL with 400 problem+json, before any function runs', async () => {
    const before = logger.lines.filter((l) => l.message.startsWith("Executed 'Functions.getTrip'")).length;
    const { port } = new URL(url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end('GET /api/trips/x HTTP/1.1\r\nHost: [not a host\r\n\r\n'),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head!.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body!)).toMatchObject({ status: 400, code: 'validation_failed' });
    const after = logger.lines.filter((l) => l.message.startsWith("Executed 'Functions.getTrip'")).length;
    expect(after).toBe(before);
  });

  it('turns an unhandled throw into 500 problem+json with a traceId and no internals', async () => {
    const res = await fetch(`${url}/api/boom`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { code: string; traceId: string; detail: string };
    expect(problem.code).toBe('internal');
    expect(problem.traceId).toMatch(/^[\da-f]{32}$/);
    expect(JSON.stringify(problem)).not.toContain('kaboom');
    expect(
      logger.lines.some(
        (l) =>
          l.level === 'error' &&
          l.message.includes("Executed 'Functions.boom' (Failed") &&
          l.message.includes('kaboom'),
      ),
    ).toBe(true);
  });

  it('streams Server-Sent Events as they are produced', async () => {
    const res = await fetch(`${url}/api/jobs/j1/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const arrivals: { at: number; text: string }[] = [];
    const started = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push({ at: performance.now() - started, text: value });
    }
    const text = arrivals.map((a) => a.text).join('');
    const events = text
      .trim()
      .split('\n\n')
      .map((block) => JSON.parse(block.split('\n')[1]!.slice('data: '.length)) as { progress: number });
    expect(events.map((e) => e.progress)).toEqual([10, 50, 100]);
    // Written as produced (50 ms apart), not buffered until the end.
    expect(arrivals.length).toBeGreaterThanOrEqual(2);
    expect(arrivals.at(-1)!.at - arrivals[0]!.at).toBeGreaterThan(40);
  });

  it('lists HTTP functions with their URLs and methods', () => {
    const getTrip = host.functions().find((f) => f.name === 'getTrip');
    expect(getTrip).toMatchObject({
      triggerType: 'httpTrigger',
      methods: ['GET'],
      url: `${url}/api/trips/{tripId}`,
      authLevel: 'anonymous',
    });
    expect(logger.lines.some((l) => l.message.includes(`getTrip: [GET] ${url}/api/trips/{tripId}`))).toBe(
      true,
    );
  });
});

describe('local host: graceful stop', () => {
  it('stops taking requests and waits for the invocation in flight', async () => {
    const host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env: {},
      hostJson: {},
      logger: memoryHostLogger(),
      serviceBus: () => undefined,
    });
    const { url } = await host.start();

    const pending = fetch(`${url}/api/slow`);
    await gates.slow.entered;
    expect(host.inFlight()).toBe(1);

    let stopped = false;
    const stopping = host.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    await expect(fetch(`${url}/api/trips/1`)).rejects.toThrow();

    gates.slow.open();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('done');
    await stopping;
    expect(stopped).toBe(true);
    expect(callsOf('slow')).toEqual(['finished']);
  });
});

describe('local host: functionTimeout', () => {
  it('fails an invocation that outlives host.json functionTimeout, and counts it done', async () => {
    const host = createLocalHost({
      functionFiles: [fixture],
      port: 0,
      env: {},
      hostJson: { functionTimeout: '00:00:00.150' },
      logger: memoryHostLogger(),
      serviceBus: () => undefined,
    });
    const { url } = await host.start();
    try {
      const res = await fetch(`${url}/api/hang`);
      expect(res.status).toBe(500);
      expect(host.inFlight()).toBe(0);
      // The host still answers others.
      expect((await fetch(`${url}/api/trips/7`)).status).toBe(200);
    } finally {
      await host.stop();
    }
  });
});

import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { LocalApp } from '../../support/localApp.js';
import { sampleTrip } from '../../support/testApp.js';
import { callTool, connectMcp, errorOf, MCP_ACCEPT, startMcpApp, textOf } from './mcpClient.js';

/** One argument set each tool's inputSchema must accept. */
const GOOD_ARGS: Record<string, Record<string, unknown>> = {
  search_places: { query: '경복궁', lat: 37.5796, lng: 126.977 },
  get_place_details: { id: 'kakao:90010001', language: 'en' },
  get_route: { from: { lat: 37.5796, lng: 126.977 }, to: { lat: 37.5512, lng: 126.9882 }, mode: 'walk' },
  compute_route_matrix: {
    origins: [{ lat: 37.5796, lng: 126.977 }],
    destinations: [{ lat: 37.5512, lng: 126.9882 }],
  },
  geocode: { address: '서울 종로구 사직로 161' },
  reverse_geocode: { lat: 37.5796, lng: 126.977 },
  create_itinerary_job: { tripId: 'trip-1', options: { useLlm: false }, idempotencyKey: 'k-1' },
  get_job_status: { jobId: 'job-1' },
  get_itinerary: { tripId: 'trip-1' },
  recommend_places: {
    lat: 37.5796,
    lng: 126.977,
    ages: '40,72',
    preferences: 'palace,market',
    language: 'en',
  },
  create_trip: sampleTrip(),
  list_trips: { pageSize: 10 },
  get_trip: { tripId: 'trip-1' },
  update_trip: { tripId: 'trip-1', patch: { name: 'New name' }, etag: '"0x1"' },
  delete_trip: { tripId: 'trip-1' },
  edit_itinerary: { tripId: 'trip-1', operations: [{ op: 'remove', itemId: '2026-12-10-01-visit-kakao_1' }] },
  get_alternatives: { tripId: 'trip-1', itemId: '2026-12-10-01-visit-kakao_1' },
  regenerate_itinerary: { tripId: 'trip-1', date: '2026-12-10', variation: 3 },
  set_item_memo: { tripId: 'trip-1', itemId: '2026-12-10-01-visit-kakao_1', memo: 'hi' },
};

const tooBig = (bytes: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'geocode', arguments: { address: 'x'.repeat(bytes) } },
  });

describe('MCP endpoint: protocol, auth and HTTP limits', () => {
  let local: LocalApp;
  let client: Client;

  beforeAll(async () => {
    local = await startMcpApp();
    client = await connectMcp(local.url, 'mcp-alice');
  });

  afterAll(async () => {
    await client?.close();
    await local?.stop();
  });

  it('initializes with the server identity, the tools capability and instructions for the model', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'tripgen', version: '1.0.0' });
    expect(client.getServerCapabilities()).toMatchObject({ tools: { listChanged: false } });
    const instructions = client.getInstructions() ?? '';
    for (const tool of ['search_places', 'get_place_details', 'compute_route_matrix', 'geocode'])
      expect(instructions).toContain(tool);
    expect(instructions).toMatch(/structuredContent has a stable "code"/);
  });

  it('lists every tool with a JSON Schema for its input and its output', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(GOOD_ARGS).sort());
    const ajv = new AjvJsonSchemaValidator();
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(Object.keys(tool.inputSchema.properties ?? {}).length, tool.name).toBeGreaterThan(0);
      const input = ajv.getValidator(tool.inputSchema);
      expect(input(GOOD_ARGS[tool.name]).valid, `${tool.name} accepts good arguments`).toBe(true);
      expect(
        input({ ...GOOD_ARGS[tool.name], notAnArgument: 1 }).valid,
        `${tool.name} refuses unknown arguments`,
      ).toBe(false);
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      // An error result must conform too: the SDK client validates it (typescript-sdk#1943).
      const output = ajv.getValidator(tool.outputSchema!);
      expect(
        output({ code: 'upstream_unavailable', message: 'down', transient: true }).valid,
        tool.name,
      ).toBe(true);
      expect(output({ unrelated: true }).valid, `${tool.name} output schema is not "anything"`).toBe(false);
    }
  });

  it('marks the read-only tools, and only those', async () => {
    const { tools } = await client.listTools();
    const readOnly = (t: Tool) => t.annotations?.readOnlyHint;
    expect(
      tools
        .filter((t) => !readOnly(t))
        .map((t) => t.name)
        .sort(),
    ).toEqual(
      [
        'create_itinerary_job',
        'create_trip',
        'update_trip',
        'delete_trip',
        'edit_itinerary',
        'regenerate_itinerary',
        'set_item_memo',
      ].sort(),
    );
  });

  it('answers a call of an unknown tool with an isError result, not a crash', async () => {
    const result = await callTool(client, 'book_a_flight', {});
    expect(errorOf(result)).toMatchObject({ code: 'not_found', message: 'Unknown tool book_a_flight' });
    expect(textOf(result)).toBe('not_found: Unknown tool book_a_flight');
  });

  it('refuses a client without a token with 401 at initialize', async () => {
    const refused = await connectMcp(local.url, undefined).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StreamableHTTPError);
    expect((refused as StreamableHTTPError).code).toBe(401);
  });

  it('refuses a tools/call without a token, or with a forged one, with a 401 problem', async () => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'geocode', arguments: { address: 'Seoul' } },
    });
    for (const authorization of [undefined, 'Bearer not.a.jwt', 'Basic dXNlcjpwYXNz']) {
      const res = await fetch(`${local.url}/api/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: MCP_ACCEPT,
          ...(authorization ? { authorization } : {}),
        },
        body,
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    }
  });

  it('answers GET and DELETE with 405 (stateless: no stream to open, no session to end), at once', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await local.call('mcp-alice', '/api/mcp', {
        method,
        headers: { accept: 'text/event-stream' },
        signal: AbortSignal.timeout(5_000),
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await res.json()).toEqual({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed.' },
        id: null,
      });
    }
    const anonymous = await fetch(`${local.url}/api/mcp`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
  });

  it('leaves content negotiation to the SDK transport (406 without text/event-stream in Accept)', async () => {
    const res = await local.call('mcp-alice', '/api/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });

  it('refuses a body over HTTP_MAX_BODY_BYTES with 413, whether its length is declared or not', async () => {
    const limit = local.app.config.http.maxBodyBytes;
    const body = tooBig(limit + 1);
    const declared = await local.call('mcp-alice', '/api/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MCP_ACCEPT },
      body,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ status: 413, code: 'payload_too_large' });

    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(body);
        for (let i = 0; i < bytes.length; i += 64 * 1024)
          controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const undeclared = await local.call('mcp-alice', '/api/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MCP_ACCEPT },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(undeclared.status).toBe(413);
    expect(await undeclared.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('still answers a body just under the limit (the limit is not off by a lot)', async () => {
    const limit = local.app.config.http.maxBodyBytes;
    const body = tooBig(limit - 200);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(limit);
    const res = await local.call('mcp-alice', '/api/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MCP_ACCEPT },
      body,
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      result: { isError: boolean; structuredContent: { code: string } };
    };
    // The address is far longer than the tool allows: a validation error, but an answered one.
    expect(answer.result).toMatchObject({ isError: true, structuredContent: { code: 'validation_failed' } });
  });
});

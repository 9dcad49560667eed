import { afterAll, beforeAll, describe, expect } from 'vitest';

import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { itWithRedis } from '../../support/redisTest.js';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
let seq = 0;

/** A point in Seoul no other test in this file asks about (so every route is a cold key). */
function freshPoint() {
  seq += 1;
  return { lat: 37.5 + seq * 0.0007, lng: 126.9 + seq * 0.0003 };
}

function routeQuery(from = freshPoint(), to = freshPoint()): string {
  return `/api/routes?from=${from.lat},${from.lng}&to=${to.lat},${to.lng}&mode=car`;
}

function toolCall(id: number, name: string, args: unknown) {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } };
}

async function expectBudgetProblem(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(((await response.json()) as { code: string }).code).toBe('upstream_budget_exceeded');
}

describe('cost limits: upstream calls per request and per user per minute, matrix elements', () => {
  let local: LocalApp;
  const upstream = () => local.sandbox.stats.requests();

  beforeAll(async () => {
    local = await startLocalApp({
      withRedis: true,
      env: {
        UPSTREAM_CALLS_PER_REQUEST: '5',
        UPSTREAM_CALLS_PER_USER_MINUTE: '8',
        MATRIX_ELEMENTS_PER_CALL: '100',
        MATRIX_ELEMENTS_PER_REQUEST: '150',
      },
    });
  });
  afterAll(async () => local?.stop());

  itWithRedis(
    'an MCP batch asking for more matrix elements than a request may is refused before any call',
    async () => {
      local.sandbox.stats.reset();
      const batch = Array.from({ length: 100 }, (_, i) =>
        toolCall(i, 'compute_route_matrix', {
          origins: Array.from({ length: 10 }, freshPoint),
          destinations: Array.from({ length: 10 }, freshPoint),
        }),
      );
      const response = await local.call('batcher', '/api/mcp', {
        method: 'POST',
        headers: MCP_HEADERS,
        body: JSON.stringify(batch),
      });
      await expectBudgetProblem(response);
      expect(upstream()).toBe(0);
    },
  );

  itWithRedis('one matrix over the per-call element limit is a 429 and reaches no upstream', async () => {
    local.sandbox.stats.reset();
    const response = await local.call('matrix-user', '/api/routes/matrix', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        origins: Array.from({ length: 11 }, freshPoint),
        destinations: Array.from({ length: 10 }, freshPoint),
      }),
    });
    await expectBudgetProblem(response);
    expect(upstream()).toBe(0);
  });

  itWithRedis(
    'an MCP batch of cold routes stops at the per-request budget: at most 5 upstream calls',
    async () => {
      local.sandbox.stats.reset();
      const batch = Array.from({ length: 20 }, (_, i) =>
        toolCall(i, 'get_route', { from: freshPoint(), to: freshPoint(), mode: 'car' }),
      );
      const response = await local.call('route-batcher', '/api/mcp', {
        method: 'POST',
        headers: MCP_HEADERS,
        body: JSON.stringify(batch),
      });
      await expectBudgetProblem(response);
      expect(upstream()).toBe(5);
    },
  );

  itWithRedis(
    'a batch that may have written keeps its JSON-RPC answer; the refused calls say why',
    async () => {
      local.sandbox.stats.reset();
      const batch = [
        toolCall(0, 'list_trips', {}),
        ...Array.from({ length: 7 }, (_, i) =>
          toolCall(i + 1, 'get_route', { from: freshPoint(), to: freshPoint(), mode: 'car' }),
        ),
        toolCall(99, 'delete_trip', { tripId: '00000000-0000-4000-8000-000000000000' }),
      ];
      const response = await local.call('mixed-batcher', '/api/mcp', {
        method: 'POST',
        headers: MCP_HEADERS,
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(200);
      const answers = (await response.json()) as {
        id: number;
        result: { isError?: boolean; structuredContent?: { code?: string; retryAfterSeconds?: number } };
      }[];
      const refused = answers.filter((a) => a.result.structuredContent?.code === 'upstream_budget_exceeded');
      expect(refused).toHaveLength(2);
      expect(
        refused.every((a) => a.result.isError && a.result.structuredContent!.retryAfterSeconds! >= 1),
      ).toBe(true);
      expect(upstream()).toBe(5);
    },
  );

  itWithRedis(
    'a user past their per-minute allowance gets 429 with Retry-After; other users do not',
    async () => {
      local.sandbox.stats.reset();
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await local.call('spender', routeQuery())).status);
      expect(statuses).toEqual(Array(8).fill(200));
      const refused = await local.call('spender', routeQuery());
      await expectBudgetProblem(refused);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(upstream()).toBe(8);
      expect((await local.call('bystander', routeQuery())).status).toBe(200);
      // The window is in Redis, where every instance counts: the key holds the 9 charges.
      const keys = await local.app.redis!.keys('limits:upstream-calls:*');
      const counts = await Promise.all(keys.map(async (k) => Number(await local.app.redis!.get(k))));
      expect(counts).toContain(9);
    },
  );

  itWithRedis(
    'a cache hit costs nothing: the same cached route twenty times, past every limit, answers 200',
    async () => {
      const query = routeQuery();
      expect((await local.call('warm-user', query)).status).toBe(200);
      local.sandbox.stats.reset();
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await local.call('cache-reader', query)).status);
      expect(statuses).toEqual(Array(20).fill(200));
      expect(upstream()).toBe(0);
    },
  );
});

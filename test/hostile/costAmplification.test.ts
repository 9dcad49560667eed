import { afterAll, beforeAll, describe, expect } from 'vitest';

import { SETTINGS_BY_NAME } from '../../src/shared/config/settings.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { itWithRedis } from '../support/redisTest.js';

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const CALLS_PER_REQUEST = Number(SETTINGS_BY_NAME.get('UPSTREAM_CALLS_PER_REQUEST')!.default);

let seq = 0;
function freshPoints(n: number) {
  return Array.from({ length: n }, () => {
    seq += 1;
    return { lat: 37.45 + (seq % 500) * 0.0004, lng: 126.85 + Math.floor(seq / 500) * 0.0004 };
  });
}

function batch(calls: number, call: (i: number) => { name: string; arguments: unknown }) {
  return Array.from({ length: calls }, (_, id) => ({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: call(id),
  }));
}

function matrixBatch(calls: number, size: number) {
  return batch(calls, () => ({
    name: 'compute_route_matrix',
    arguments: { origins: freshPoints(size), destinations: freshPoints(size), mode: 'car' },
  }));
}

/** The amplification the hostile run found (one batch → 700 upstream calls), with the default limits. */
describe('hostile: cost amplification through batches and matrices', () => {
  let local: LocalApp;

  beforeAll(async () => {
    local = await startLocalApp({ withRedis: true });
  });
  afterAll(async () => local?.stop());

  itWithRedis.each([
    [100, 25, 25],
    [100, 6, 6],
  ])(
    'a batch of %i matrices of %i × %i points each is refused whole: 429, Retry-After, 0 upstream calls',
    async (calls, size, _same) => {
      local.sandbox.stats.reset();
      const body = JSON.stringify(matrixBatch(calls, size));
      const response = await local.call('amplifier', '/api/mcp', {
        method: 'POST',
        headers: MCP_HEADERS,
        body,
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await response.json()) as { code: string }).code).toBe('upstream_budget_exceeded');
      expect(local.sandbox.stats.requests()).toBe(0);
    },
  );

  itWithRedis(
    'batches of small cold matrices never cost more than the per-request budget, and never a 5xx',
    async () => {
      const figures: { status: number; upstream: number }[] = [];
      // The SDK takes at most 100 messages per batch: these are the costliest 100-call batches we know.
      const batches = [
        matrixBatch(100, 2),
        batch(100, (i) => ({
          name: 'search_places',
          arguments: { query: `cafe ${i}`, ...freshPoints(1)[0], language: 'en' },
        })),
        batch(100, () => ({
          name: 'get_route',
          arguments: { from: freshPoints(1)[0], to: freshPoints(1)[0], mode: 'transit' },
        })),
      ];
      for (const [i, body] of batches.entries()) {
        local.sandbox.stats.reset();
        const response = await local.call(`amplifier-${i}`, '/api/mcp', {
          method: 'POST',
          headers: MCP_HEADERS,
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        figures.push({ status: response.status, upstream: local.sandbox.stats.requests() });
      }
      console.log('cost amplification (batch → status, upstream calls):', JSON.stringify(figures));
      for (const f of figures) {
        expect(f.status).toBeLessThan(500);
        expect(f.upstream).toBeLessThanOrEqual(CALLS_PER_REQUEST);
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { McpServerPool } from '../../../src/shared/mcp/McpServerPool.js';
import { defineTool, type McpTool } from '../../../src/shared/mcp/McpTool.js';
import type { McpHttpAnswer, McpPost } from '../../../src/shared/mcp/readMcpPost.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';

/** Resolves the `whoami` calls in flight when the test says so. */
const gates: (() => void)[] = [];

const whoamiTool = defineTool({
  name: 'whoami',
  title: 'Who am I',
  description: 'The caller, once the test lets it answer.',
  input: z.object({}).strict(),
  output: z.object({ userId: z.string() }),
  readOnly: true,
  run: async (_args, { principal }) => {
    await new Promise<void>((resolve) => gates.push(resolve));
    return { userId: principal.userId };
  },
  render: (r) => r.userId,
});

const app = { logger: createLogger(() => {}, 'error') } as unknown as AppContext;
const scopeFor = (userId: string) => ({ app, principal: { userId }, signal: new AbortController().signal });

function post(body: unknown, headers: Record<string, string> = {}): McpPost {
  return {
    headers: new Headers({
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
      ...headers,
    }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const json = (answer: McpHttpAnswer): unknown => JSON.parse(answer.body ?? 'null');

const call = (id: number) =>
  post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {} } });

async function untilGates(n: number): Promise<void> {
  while (gates.length < n) await new Promise((resolve) => setImmediate(resolve));
}

describe('McpServerPool: stateless MCP over reused servers', () => {
  it('answers concurrent requests each for its own caller, then reuses the servers', async () => {
    const pool = new McpServerPool([whoamiTool] as McpTool[]);
    const a = pool.handle(call(1), scopeFor('alice'));
    const b = pool.handle(call(2), scopeFor('bob'));
    await untilGates(2);
    // Bob's call answers first: neither server may answer with the other's caller.
    gates.splice(1, 1)[0]!();
    gates.splice(0, 1)[0]!();
    const [ra, rb] = await Promise.all([a, b]);
    expect(json(ra)).toMatchObject({ id: 1, result: { structuredContent: { userId: 'alice' } } });
    expect(json(rb)).toMatchObject({ id: 2, result: { structuredContent: { userId: 'bob' } } });
    expect(pool.idle).toBe(2);

    const c = pool.handle(call(3), scopeFor('carol'));
    await untilGates(1);
    expect(pool.idle).toBe(1); // one server taken from the pool, none built
    gates.shift()!();
    expect(json(await c)).toMatchObject({ result: { structuredContent: { userId: 'carol' } } });
    expect(pool.idle).toBe(2);
  });

  it('serves tools/list from one computed answer, the same on every request', async () => {
    const pool = new McpServerPool([whoamiTool] as McpTool[]);
    const list = async (id: number) =>
      json(await pool.handle(post({ jsonrpc: '2.0', id, method: 'tools/list' }), scopeFor('x'))) as {
        result: { tools: { name: string; outputSchema: unknown }[] };
      };
    const first = await list(1);
    const second = await list(2);
    expect(first.result.tools.map((t) => t.name)).toEqual(['whoami']);
    expect(second.result).toEqual(first.result);
  });

  it('keeps at most maxIdle servers', async () => {
    const pool = new McpServerPool([whoamiTool] as McpTool[], 1);
    const calls = [pool.handle(call(1), scopeFor('a')), pool.handle(call(2), scopeFor('b'))];
    await untilGates(2);
    for (const release of gates.splice(0)) release();
    await Promise.all(calls);
    expect(pool.idle).toBe(1);
  });
});

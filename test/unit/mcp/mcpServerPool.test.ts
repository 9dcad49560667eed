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

const json = (answer: McpHttpAnswer): unknown =>
  JSON.parse(answer.body ? Buffer.from(answer.body).toString() : 'null');

/** A plain tools/call, answered directly (see McpServerPool). */
const call = (id: number | string) =>
  post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {} } });
/** The same call with `_meta`: left to the SDK's Server on a pooled server. */
const sdkCall = (id: number) =>
  post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {}, _meta: {} } });

async function untilGates(n: number): Promise<void> {
  while (gates.length < n) await new Promise((resolve) => setImmediate(resolve));
}

describe('McpServerPool: stateless MCP over reused servers', () => {
  it('answers concurrent requests each for its own caller, then reuses the servers', async () => {
    const pool = new McpServerPool([whoamiTool] as McpTool[]);
    const a = pool.handle(sdkCall(1), scopeFor('alice'));
    const b = pool.handle(sdkCall(2), scopeFor('bob'));
    await untilGates(2);
    // Bob's call answers first: neither server may answer with the other's caller.
    gates.splice(1, 1)[0]!();
    gates.splice(0, 1)[0]!();
    const [ra, rb] = await Promise.all([a, b]);
    expect(json(ra)).toMatchObject({ id: 1, result: { structuredContent: { userId: 'alice' } } });
    expect(json(rb)).toMatchObject({ id: 2, result: { structuredContent: { userId: 'bob' } } });
    expect(pool.idle).toBe(2);

    const c = pool.handle(sdkCall(3), scopeFor('carol'));
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
    const calls = [pool.handle(sdkCall(1), scopeFor('a')), pool.handle(sdkCall(2), scopeFor('b'))];
    await untilGates(2);
    for (const release of gates.splice(0)) release();
    await Promise.all(calls);
    expect(pool.idle).toBe(1);
  });

  it('answers plain tools/calls concurrently, each for its own caller, without taking a pooled server', async () => {
    const pool = new McpServerPool([whoamiTool] as McpTool[]);
    const a = pool.handle(call(1), scopeFor('alice'));
    const b = pool.handle(call('two'), scopeFor('bob'));
    await untilGates(2);
    gates.splice(1, 1)[0]!();
    gates.splice(0, 1)[0]!();
    const [ra, rb] = await Promise.all([a, b]);
    expect(json(ra)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: 'alice' }], structuredContent: { userId: 'alice' } },
    });
    expect(json(rb)).toMatchObject({ id: 'two', result: { structuredContent: { userId: 'bob' } } });
    expect(pool.idle).toBe(0);
  });
});

/** A tool per outcome the direct path must answer as the SDK does. */
const echoTool = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Echoes `text`; `boom` makes its argument check throw.',
  input: z
    .object({ text: z.string().min(1), boom: z.boolean().optional() })
    .strict()
    .refine((a) => {
      if (a.boom) throw Object.assign(new Error('argument check exploded'), { code: -32099 });
      return true;
    }),
  readOnly: true,
  run: async ({ text }) => ({ text }),
  render: (r) => r.text,
});
const failingTool = defineTool({
  name: 'fails',
  title: 'Fails',
  description: 'Always fails.',
  input: z.object({}).strict(),
  readOnly: true,
  run: async () => {
    throw new Error('database on fire');
  },
  render: () => '',
});

describe('McpServerPool: a plain tools/call answered directly, exactly as through the SDK', () => {
  const tools = [echoTool, failingTool] as McpTool[];
  const bodies: [string, Record<string, unknown>][] = [
    ['a result', { name: 'echo', arguments: { text: 'hi' } }],
    ['invalid arguments', { name: 'echo', arguments: { text: '', extra: 1 } }],
    ['no arguments', { name: 'echo' }],
    ['an unknown tool', { name: 'nope', arguments: {} }],
    ['a failing tool', { name: 'fails', arguments: {} }],
    ['a throwing argument check', { name: 'echo', arguments: { text: 'x', boom: true } }],
  ];

  it.each(bodies)('%s', async (_what, params) => {
    const pool = new McpServerPool(tools);
    const direct = await pool.handle(
      post({ jsonrpc: '2.0', id: 7, method: 'tools/call', params }),
      scopeFor('a'),
    );
    // `_meta` makes the message more than a plain call: the SDK's Server answers it.
    const viaSdk = await pool.handle(
      post({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { ...params, _meta: {} } }),
      scopeFor('a'),
    );
    expect(pool.idle).toBe(1); // only the second took a server
    expect(direct.status).toBe(viaSdk.status);
    expect(direct.headers).toEqual(viaSdk.headers);
    expect(json(direct)).toEqual(json(viaSdk));
  });

  it('keeps every answer’s bytes its own, across many answers held at once and one too large to share', async () => {
    const pool = new McpServerPool(tools);
    // ~9 KB each: 60 of them span more than one shared slab; the last is larger than any slab answer.
    const texts = Array.from({ length: 60 }, (_, i) => `${i}:${'경복궁 '.repeat(900)}`);
    texts.push('x'.repeat(40_000));
    const answers = await Promise.all(
      texts.map((text, i) =>
        pool.handle(
          post({
            jsonrpc: '2.0',
            id: `call-${i}`,
            method: 'tools/call',
            params: { name: 'echo', arguments: { text } },
          }),
          scopeFor('a'),
        ),
      ),
    );
    answers.forEach((answer, i) =>
      expect(json(answer)).toEqual({
        jsonrpc: '2.0',
        id: `call-${i}`,
        result: { content: [{ type: 'text', text: texts[i] }], structuredContent: { text: texts[i] } },
      }),
    );
  });

  it('answers a batch of one plain call as the SDK does: the response alone', async () => {
    const pool = new McpServerPool(tools);
    const answer = await pool.handle(
      post([
        { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'b' } } },
      ]),
      scopeFor('a'),
    );
    expect(json(answer)).toMatchObject({ id: 1, result: { structuredContent: { text: 'b' } } });
  });

  it('leaves malformed calls to the SDK: a fractional id or non-object arguments are refused as before', async () => {
    const pool = new McpServerPool(tools);
    const fractional = await pool.handle(
      post({
        jsonrpc: '2.0',
        id: 1.5,
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'x' } },
      }),
      scopeFor('a'),
    );
    expect(fractional.status).toBe(400);
    expect(json(fractional)).toMatchObject({ error: { code: -32700 } });
    const listArgs = await pool.handle(
      post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: ['x'] } }),
      scopeFor('a'),
    );
    expect(json(listArgs)).toMatchObject({ id: 1, error: { code: expect.any(Number) } });
    expect(pool.idle).toBe(1); // the SDK's Server answered it
  });
});

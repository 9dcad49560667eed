import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { createMcpServer, MCP_INSTRUCTIONS } from '../../../src/shared/mcp/createMcpServer.js';
import { defineTool, type McpTool } from '../../../src/shared/mcp/McpTool.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';

/** What the fake `echo` tool does next. */
let behaviour: (text: string) => Promise<{ echoed: string; length: number }>;

const echoTool = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Echoes text.',
  input: z.object({ text: z.string().min(1).max(10), times: z.number().int().min(1).default(1) }).strict(),
  output: z.object({ echoed: z.string(), length: z.number().int() }),
  readOnly: true,
  run: async (args) => behaviour(args.text.repeat(args.times)),
  render: (r) => `echo: ${r.echoed}`,
});

const noOutputTool = defineTool({
  name: 'ping',
  title: 'Ping',
  description: 'Answers pong.',
  input: z.object({}).strict(),
  readOnly: false,
  run: async () => ({ pong: true }),
  render: () => 'pong',
});

describe('createMcpServer (SDK Client over an in-memory transport)', () => {
  const logs: string[] = [];
  let server: Server;
  let client: Client;

  async function connect(): Promise<Client> {
    const app = { logger: createLogger((_level, line) => logs.push(line), 'debug') } as unknown as AppContext;
    const scope = { app, principal: { userId: 'u-1' }, signal: new AbortController().signal };
    server = createMcpServer([echoTool, noOutputTool] as McpTool[], scope);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    client = new Client({ name: 'unit', version: '1.0.0' });
    await client.connect(clientSide);
    await client.listTools(); // from here on the client checks structuredContent against outputSchema
    return client;
  }

  const call = async (args: Record<string, unknown>) =>
    (await client.callTool({ name: 'echo', arguments: args })) as CallToolResult;

  afterEach(async () => {
    logs.length = 0;
    await client?.close();
    await server?.close();
  });

  it('initializes with the instructions and lists JSON Schemas; an outputSchema also admits the error shape', async () => {
    await connect();
    expect(client.getInstructions()).toBe(MCP_INSTRUCTIONS);
    const { tools } = await client.listTools();
    const echo = tools.find((t) => t.name === 'echo')!;
    expect(echo.inputSchema).toMatchObject({
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 10 },
        times: { type: 'integer', default: 1 },
      },
      required: ['text'],
      additionalProperties: false,
    });
    expect(echo.inputSchema).not.toHaveProperty('$schema');
    expect(echo.outputSchema).toMatchObject({
      type: 'object',
      anyOf: [
        { type: 'object', properties: { echoed: { type: 'string' } }, required: ['echoed', 'length'] },
        {
          type: 'object',
          properties: { code: { type: 'string' }, message: { type: 'string' } },
          required: ['code', 'message'],
        },
      ],
    });
    expect(echo.annotations).toEqual({ readOnlyHint: true, openWorldHint: true });
    const ping = tools.find((t) => t.name === 'ping')!;
    expect(ping.outputSchema).toBeUndefined();
    expect(ping.annotations?.readOnlyHint).toBe(false);
  });

  it("returns the result as structuredContent and as the tool's text rendering, after defaults apply", async () => {
    behaviour = async (text) => ({ echoed: text, length: text.length });
    await connect();
    const result = await call({ text: 'ab', times: 2 });
    expect(result).toEqual({
      content: [{ type: 'text', text: 'echo: abab' }],
      structuredContent: { echoed: 'abab', length: 4 },
    });
    expect((await call({ text: 'x' })).structuredContent).toEqual({ echoed: 'x', length: 1 });
  });

  it('turns invalid arguments into an isError validation_failed with every failing path, without running the tool', async () => {
    let ran = false;
    behaviour = async (text) => {
      ran = true;
      return { echoed: text, length: text.length };
    };
    await connect();
    const result = await call({ text: '', times: 0 });
    expect(ran).toBe(false);
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'text' }), expect.objectContaining({ path: 'times' })],
    });
    expect((result.content[0] as { text: string }).text).toMatch(/^validation_failed: text: .+; times: /);
  });

  it('hands a provider failure to the caller with its code, transient flag and Retry-After (the SDK client does not reject it)', async () => {
    behaviour = async () => {
      throw new AppError('upstream_quota_exceeded', 'Kakao quota', {
        detail: 'Kakao is throttling us',
        retryAfterSeconds: 12,
      });
    };
    await connect();
    const result = await call({ text: 'a' });
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'upstream_quota_exceeded: Kakao is throttling us' }],
      structuredContent: {
        code: 'upstream_quota_exceeded',
        message: 'Kakao is throttling us',
        transient: true,
        retryAfterSeconds: 12,
      },
    });
  });

  it('says only "Internal error" for an unexpected throw, and logs the real message', async () => {
    behaviour = async () => {
      throw new TypeError('cannot read secretThing of undefined');
    };
    await connect();
    const result = await call({ text: 'a' });
    expect(result.structuredContent).toEqual({
      code: 'internal',
      message: 'Internal error',
      transient: false,
    });
    expect(JSON.stringify(result)).not.toContain('secretThing');
    expect(
      logs.some(
        (l) => l.includes('mcp tool failed') && l.includes('secretThing') && l.includes('"tool":"echo"'),
      ),
    ).toBe(true);
  });

  it('maps a ZodError thrown inside a tool to validation_failed, like the REST mapper does', async () => {
    behaviour = async () => {
      z.object({ when: z.iso.date() }).parse({ when: 'soon' });
      return { echoed: '', length: 0 };
    };
    await connect();
    const result = await call({ text: 'a' });
    expect(result.structuredContent).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'when' })],
    });
  });

  it('answers an unknown tool with isError not_found', async () => {
    await connect();
    const result = (await client.callTool({ name: 'nope', arguments: {} })) as CallToolResult;
    expect(result).toMatchObject({
      isError: true,
      structuredContent: { code: 'not_found', message: 'Unknown tool nope' },
    });
  });
});

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { tokenFor } from '../../support/testApp.js';

/** What a Streamable HTTP client must accept on POST (the SDK transport answers 406 otherwise). */
export const MCP_ACCEPT = 'application/json, text/event-stream';

/**
 * The local app for the MCP tests. The timer schedules are app settings the host resolves at start-up
 * (`%WARMER_SCHEDULE%`), so they must be present even though no timer fires here.
 */
export async function startMcpApp(): Promise<LocalApp> {
  return startLocalApp({ env: { WARMER_SCHEDULE: '0 */20 * * * *', VERIFIER_SCHEDULE: '0 0 */6 * * *' } });
}

/**
 * The SDK's own client over Streamable HTTP to `${baseUrl}/api/mcp`, connected (initialize and the
 * initialized notification done). The bearer token travels in the transport's `requestInit.headers`,
 * which it merges into every request; `user: undefined` sends none.
 */
export async function connectMcp(baseUrl: string, user: string | undefined): Promise<Client> {
  const headers: Record<string, string> = user ? { Authorization: `Bearer ${await tokenFor(user)}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL('/api/mcp', baseUrl), {
    requestInit: { headers },
  });
  const client = new Client({ name: 'tripgen-mcp-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/**
 * Call a tool through the SDK client. The client has listed the tools first, so it checks every
 * structuredContent against the tool's outputSchema and throws when it does not conform.
 */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** structuredContent of a successful result (fails the test on an isError result). */
export function resultOf<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError)
    throw new Error(`expected a result, got the error ${JSON.stringify(result.structuredContent)}`);
  if (!result.structuredContent) throw new Error('the result has no structuredContent');
  return result.structuredContent as T;
}

/** structuredContent of an isError result: `{ code, message, ... }`. */
export function errorOf(result: CallToolResult): { code: string; message: string; [key: string]: unknown } {
  if (result.isError !== true)
    throw new Error(`expected an isError result, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.structuredContent as { code: string; message: string };
}

/** The one text block of a result (every result, error or not, carries exactly one). */
export function textOf(result: CallToolResult): string {
  const texts = result.content.flatMap((c) => (c.type === 'text' ? [c.text] : []));
  if (texts.length !== 1) throw new Error(`expected one text block, got ${texts.length}`);
  return texts[0]!;
}

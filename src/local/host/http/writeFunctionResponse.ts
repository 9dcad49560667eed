import type { ServerResponse } from 'node:http';

import { HttpResponse } from '../functionsLibrary.js';
import { HOP_BY_HOP, type PlainResponse } from './toPlainResponse.js';
import { toSetCookieHeader } from './toSetCookieHeader.js';

/**
 * What an HTTP handler returned, as an `HttpResponse`: the worker's rule (`toRpcHttp`) is that
 * `HttpResponse` instances pass through, objects are `HttpResponseInit`, and anything else is an
 * error. `null`/`undefined` is an empty 204.
 */
export function toFunctionHttpResponse(result: unknown): HttpResponse {
  if (result === null || result === undefined) return new HttpResponse({ status: 204 });
  if (result instanceof HttpResponse) return result;
  if (typeof result !== 'object') {
    throw new TypeError(
      'The HTTP response must be an object with optional properties "body", "status", "headers", and "cookies".',
    );
  }
  return new HttpResponse(result);
}

/** An answer already in memory: headers, Content-Length and bytes in one write, as a bare server sends it. */
export function writePlainResponse(res: ServerResponse, response: PlainResponse): void {
  const { status, headers, body } = response;
  if (!body) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  headers['content-length'] = String(body.byteLength);
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Write status, headers, cookies and body. Bodies are streamed chunk by chunk with back-pressure, so
 * Server-Sent Events and other `ReadableStream`/async-iterable bodies reach the client as they are
 * produced; when the client goes away the body stream is cancelled. A body that turns out to be one
 * chunk (JSON, bytes: nearly every answer) goes out with its headers and a Content-Length in one
 * write, as a plain Node server would send it, instead of headers, chunk and terminator apart.
 */
export async function writeFunctionResponse(res: ServerResponse, response: HttpResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers.entries()) {
    if (name === 'set-cookie' || HOP_BY_HOP.has(name)) continue;
    headers[name] = value;
  }
  const cookies = [...response.headers.getSetCookie(), ...response.cookies.map(toSetCookieHeader)];
  if (cookies.length > 0) headers['set-cookie'] = cookies;

  const body = response.body;
  if (!body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const eventStream = String(headers['content-type'] ?? '').startsWith('text/event-stream');
  const reader = body.getReader();
  const onClose = () => void reader.cancel().catch(() => undefined);
  res.once('close', onClose);
  // The first chunk is held until the second shows whether there is one; an event stream sends its
  // headers at once instead (the client waits for them before the first event arrives).
  let held: Uint8Array | undefined;
  let streaming = eventStream;
  if (eventStream) {
    res.writeHead(response.status, headers);
    res.flushHeaders();
  }
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!streaming && !held) {
        held = value;
        continue;
      }
      if (!streaming) {
        streaming = true;
        res.writeHead(response.status, headers);
        await write(res, held!);
        held = undefined;
      }
      await write(res, value);
    }
  } finally {
    res.off('close', onClose);
    reader.releaseLock();
  }
  if (res.destroyed) return;
  if (!streaming) {
    res.writeHead(response.status, { ...headers, 'content-length': String(held?.byteLength ?? 0) });
  }
  res.end(held);
}

async function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (!res.write(chunk))
    await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
}

import { toSetCookieHeader } from './toSetCookieHeader.js';

/** An answer whose body is already in memory: status, Node-ready headers and the bytes. */
export interface PlainResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body?: Uint8Array;
}

/** Hop-by-hop headers a function may not set on the outgoing response (the library's proxy drops them too). */
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Statuses the Fetch `Response` (and so the library's `HttpResponse`) gives no body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A handler's plain `HttpResponseInit` as the bytes and headers `new HttpResponse(init)` would carry,
 * without building the Fetch `Response` and `ReadableStream` that object wraps (a copy of the body,
 * a stream and a reader per answer: most of the host's cost for a cached answer). Only the plain
 * cases are taken: a record of headers, a string, byte or `jsonBody` body, a valid status. Anything
 * else (`HttpResponse` instances, streams, `Headers`, `FormData`, odd statuses) returns undefined and
 * goes through the library's own class, so its rules stay the only rules for the rest.
 *
 * The defaults are the Fetch ones the library relies on: `jsonBody` is `JSON.stringify`d with
 * `content-type: application/json` unless set, a string body gets `text/plain;charset=UTF-8`, and
 * 204/205/304 drop the body. Header names are case-insensitive and repeats are joined with ", ",
 * as `Headers` does.
 */
export function toPlainResponse(result: unknown): PlainResponse | undefined {
  if (typeof result !== 'object' || result === null || Object.getPrototypeOf(result) !== Object.prototype)
    return undefined;
  const init = result as Record<string, unknown>;
  const status = init.status ?? 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
    return undefined;
  const headers = plainHeaders(init.headers);
  if (!headers) return undefined;
  const cookies = init.cookies;
  if (cookies !== undefined && !Array.isArray(cookies)) return undefined;

  let body: Uint8Array | undefined;
  let defaultType: string | undefined;
  if (NULL_BODY_STATUSES.has(status)) body = undefined;
  else if (init.jsonBody !== undefined && init.jsonBody !== null) {
    body = Buffer.from(JSON.stringify(init.jsonBody), 'utf8');
    defaultType = 'application/json';
  } else if (typeof init.body === 'string') {
    body = Buffer.from(init.body, 'utf8');
    defaultType = 'text/plain;charset=UTF-8';
  } else if (init.body instanceof Uint8Array) body = init.body;
  else if (init.body !== undefined && init.body !== null) return undefined;

  if (defaultType && headers['content-type'] === undefined) headers['content-type'] = defaultType;
  if (cookies && cookies.length > 0) {
    const set = headers['set-cookie'];
    const existing = set === undefined ? [] : Array.isArray(set) ? set : [set];
    headers['set-cookie'] = [...existing, ...cookies.map(toSetCookieHeader)];
  }
  return { status, headers, ...(body ? { body } : {}) };
}

/** A record of header values as Node takes them, or undefined when they are not a plain record. */
function plainHeaders(raw: unknown): Record<string, string | string[]> | undefined {
  const headers: Record<string, string | string[]> = {};
  if (raw === undefined || raw === null) return headers;
  if (typeof raw !== 'object' || Object.getPrototypeOf(raw) !== Object.prototype) return undefined;
  for (const [rawName, rawValue] of Object.entries(raw as Record<string, unknown>)) {
    const name = rawName.toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const value = String(rawValue).trim();
    const previous = headers[name];
    if (name === 'set-cookie') headers[name] = previous === undefined ? [value] : [...previous, value];
    else headers[name] = previous === undefined ? value : `${String(previous)}, ${value}`;
  }
  return headers;
}

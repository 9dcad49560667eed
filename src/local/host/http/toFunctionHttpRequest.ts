import type { IncomingMessage } from 'node:http';

import { HttpRequest } from '../functionsLibrary.js';

/** Node's header map as the flat record `HttpRequest` takes; repeated headers are joined as HTTP allows. */
function toHeaderRecord(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
  }
  return headers;
}

/**
 * The `HttpRequest` a handler receives, built with the library's own constructor. The query is left
 * to the URL so repeated keys (`?tag=a&tag=b`) survive in `request.query.getAll()`.
 */
export function toFunctionHttpRequest(
  req: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  body: Buffer,
): HttpRequest {
  return new HttpRequest({
    method: req.method ?? 'GET',
    url: url.href,
    headers: toHeaderRecord(req),
    params,
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
}

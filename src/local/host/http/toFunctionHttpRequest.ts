import type { IncomingMessage } from 'node:http';

import type { HttpRequestInit } from '@azure/functions';

import { HttpRequest } from '../functionsLibrary.js';
import { IncomingHeaders } from './IncomingHeaders.js';
import { InMemoryRequest } from './InMemoryRequest.js';

/**
 * The `HttpRequest` a handler receives, built with the library's own constructor around the
 * request the host read (see `InMemoryRequest`). The query is left to the URL so repeated keys
 * (`?tag=a&tag=b`) survive in `request.query.getAll()`.
 */
export function toFunctionHttpRequest(
  req: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  body: Buffer,
): HttpRequest {
  const nativeRequest = new InMemoryRequest(
    url.href,
    req.method ?? 'GET',
    new IncomingHeaders(req.headers),
    body,
  );
  // The init the worker itself passes with HTTP streaming on (`createStreamRequest`): the Request it
  // built and the route params. `nativeRequest` is internal to the library, hence not in the type.
  const init = { nativeRequest, params };
  return new HttpRequest(init as HttpRequestInit);
}

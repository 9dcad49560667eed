import type { HttpRequest, HttpResponseInit } from '@azure/functions';

import { preferredEncoding } from './contentEncoding.js';
import type { SerializedJson } from './SerializedJson.js';

/**
 * A 200 with already serialized JSON bytes, or 304 when `If-None-Match` names its ETag. Compressed
 * with Brotli or gzip when the client accepts it. The ETag names the version, whatever the coding,
 * so the tag a client read also works in `If-Match` for an edit; `Vary` keeps shared caches'
 * copies of the codings apart.
 */
export function serializedResponse(
  request: HttpRequest,
  json: SerializedJson,
  headers: Record<string, string>,
): HttpResponseInit {
  const coding = preferredEncoding(request.headers.get('accept-encoding'));
  const body = json.encoded(coding);
  const vary = headers.vary ? `${headers.vary}, accept-encoding` : 'accept-encoding';
  const common = { ...headers, etag: json.etag, vary };
  if (matchesEtag(request.headers.get('if-none-match'), json.etag)) return { status: 304, headers: common };
  return {
    status: 200,
    body: body ?? json.bytes,
    headers: {
      'content-type': 'application/json',
      ...common,
      ...(body ? { 'content-encoding': coding! } : {}),
    },
  };
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2): `W/` aside, any listed tag or `*` matches. */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

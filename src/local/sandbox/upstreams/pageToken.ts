import { createHash } from 'node:crypto';

/**
 * An opaque Text Search page token: the offset of the next page plus a fingerprint of the query, so
 * a token replayed with different parameters is refused (Google requires the same parameters).
 */
export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

/** The offset a token points at, or `undefined` when it is not one of ours for this query. */
export function decodePageToken(token: string, fingerprint: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    return typeof parsed.o === 'number' && parsed.f === fingerprint ? parsed.o : undefined;
  } catch {
    return undefined;
  }
}

/** The request minus the paging fields, hashed. */
export function searchFingerprint(body: Record<string, unknown>): string {
  const { pageToken: _token, pageSize: _size, maxResultCount: _max, ...rest } = body;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

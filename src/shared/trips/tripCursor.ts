import { AppError } from '../errors/AppError.js';

/**
 * The list cursor clients see: base64url of the next row key alone. The partition is always the
 * caller's own, so a cursor cannot point anywhere else, and whatever a client crafts is either a valid
 * trip row key or a 400 — never a malformed Table Storage continuation token reaching the SDK.
 */
const ROW_KEY = /^[A-Za-z0-9-]{1,64}$/;

export function encodeTripCursor(sdkToken: string | undefined): string | undefined {
  if (!sdkToken) return undefined;
  const parsed = JSON.parse(Buffer.from(sdkToken, 'base64').toString('utf8')) as { nextRowKey?: unknown };
  return typeof parsed.nextRowKey === 'string'
    ? Buffer.from(parsed.nextRowKey).toString('base64url')
    : undefined;
}

/** The Table Storage continuation token for `ownerId`'s partition from a client cursor; 400 if not ours. */
export function decodeTripCursor(ownerId: string, cursor: string): string {
  const rowKey = /^[A-Za-z0-9_-]{1,96}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!ROW_KEY.test(rowKey)) {
    throw new AppError('validation_failed', 'Bad cursor', {
      errors: [{ path: 'query.cursor', message: 'not a cursor this API returned' }],
    });
  }
  return Buffer.from(JSON.stringify({ nextPartitionKey: ownerId, nextRowKey: rowKey })).toString('base64');
}

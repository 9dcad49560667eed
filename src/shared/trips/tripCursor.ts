import { AppError } from '../errors/AppError.js';
import type { CursorSigner } from './CursorSigner.js';

/**
 * The list cursor clients see: the SDK's continuation token, signed for the owner (`CursorSigner`).
 * The token's keys are opaque (Table Storage and Azurite encode them), so it is passed back as it
 * came; the signature is what makes that safe: a cursor a client crafts, alters or takes from another
 * user fails verification and is a 400 — never a malformed continuation token reaching the SDK, and
 * never a page of another partition.
 */
export function encodeTripCursor(
  ownerId: string,
  sdkToken: string | undefined,
  signer: CursorSigner,
): string | undefined {
  return sdkToken ? signer.sign(sdkToken, ownerId) : undefined;
}

/** The Table Storage continuation token for `ownerId`'s partition from a client cursor; 400 if not ours. */
export function decodeTripCursor(ownerId: string, cursor: string, signer: CursorSigner): string {
  const token = signer.verify(cursor, ownerId);
  if (token === undefined) {
    throw new AppError('validation_failed', 'Bad cursor', {
      errors: [{ path: 'query.cursor', message: 'not a cursor this API returned' }],
    });
  }
  return token;
}

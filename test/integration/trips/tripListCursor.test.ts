import { describe, expect, it } from 'vitest';

import { TABLES } from '../../../src/shared/app/buildAppContext.js';
import { isAppError } from '../../../src/shared/errors/AppError.js';
import { CursorSigner } from '../../../src/shared/trips/CursorSigner.js';
import { tripInputSchema } from '../../../src/shared/trips/tripSchema.js';
import { TripStore } from '../../../src/shared/trips/TripStore.js';
import { sampleTrip, testApp } from '../../support/testApp.js';

const KEY = 'cursor-test-key-that-is-long-enough-0000';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('trip list cursors are signed', () => {
  it('pages with its own cursors (on any instance with the key); a crafted or borrowed one is a 400', async () => {
    const { app } = await testApp({ CURSOR_SIGNING_KEY: KEY });
    const table = app.storage.table(TABLES.trips);
    const user = `pager-${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < 3; i++) await app.trips.create(user, tripInputSchema.parse(sampleTrip()));
    try {
      const first = await app.trips.list(user, 2);
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toMatch(/\./);
      // Another instance configured with the same key continues the listing.
      const other = new TripStore(table, new CursorSigner(() => KEY));
      const second = await other.list(user, 2, first.nextCursor);
      expect(second.items).toHaveLength(1);
      expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(3);

      const cursor = first.nextCursor!;
      const [body, mac] = cursor.split('.');
      const sdkToken = Buffer.from(body!, 'base64url').toString();
      const forged = Buffer.from(JSON.stringify({ nextPartitionKey: 'someone-else', nextRowKey: 'x' }));
      const crafted = [
        `${body}.${'A'.repeat(22)}`,
        `${forged.toString('base64url')}.${mac}`,
        sdkToken,
        Buffer.from(JSON.stringify({ nextPartitionKey: 1, nextRowKey: {} })).toString('base64'),
        'A'.repeat(3000),
      ];
      for (const c of crafted) expect(await codeOf(app.trips.list(user, 2, c))).toBe('400 validation_failed');
      // Another user's cursor, and one signed with another key, are not ours either.
      expect(await codeOf(app.trips.list('someone-else', 2, cursor))).toBe('400 validation_failed');
      const rotated = new TripStore(table, new CursorSigner(() => 'another-key-that-is-long-enough-000000'));
      expect(await codeOf(rotated.list(user, 2, cursor))).toBe('400 validation_failed');
    } finally {
      await app.close();
    }
  });
});

import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { forgetTripLanguage, tripLanguage } from '../../../src/shared/trips/tripLanguageMemo.js';
import type { TripStore } from '../../../src/shared/trips/TripStore.js';

/** A trip table with one trip per owner, counting reads. */
function fakeTrips(rows: Record<string, string>) {
  const reads: string[] = [];
  const store = {
    async get(ownerId: string, tripId: string) {
      reads.push(`${ownerId}/${tripId}`);
      const language = rows[`${ownerId}/${tripId}`];
      if (!language) throw new AppError('not_found', 'Trip not found');
      return { trip: { language }, etag: '"1"' };
    },
  } as unknown as TripStore;
  return { store, reads, rows };
}

describe('tripLanguage: the trip language without a table read per itinerary GET', () => {
  it('reads the row once, then answers from memory until the trip changes here', async () => {
    const { store, reads, rows } = fakeTrips({ 'alice/t1': 'ja' });
    expect(await tripLanguage(store, 'alice', 't1')).toBe('ja');
    expect(await tripLanguage(store, 'alice', 't1')).toBe('ja');
    expect(reads).toEqual(['alice/t1']);

    rows['alice/t1'] = 'en';
    forgetTripLanguage('alice', 't1');
    expect(await tripLanguage(store, 'alice', 't1')).toBe('en');
    expect(reads).toEqual(['alice/t1', 'alice/t1']);
  });

  it("never answers one owner from another's entry, and does not remember a trip not found", async () => {
    const { store, reads } = fakeTrips({ 'bob/t2': 'ko' });
    expect(await tripLanguage(store, 'bob', 't2')).toBe('ko');
    await expect(tripLanguage(store, 'mallory', 't2')).rejects.toMatchObject({ code: 'not_found' });
    await expect(tripLanguage(store, 'mallory', 't2')).rejects.toMatchObject({ code: 'not_found' });
    expect(reads).toEqual(['bob/t2', 'mallory/t2', 'mallory/t2']);
  });
});

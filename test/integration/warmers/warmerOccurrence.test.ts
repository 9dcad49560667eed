import { describe, expect, it } from 'vitest';

import { testApp } from '../../support/testApp.js';

describe('the popular warmer claims each schedule occurrence once', () => {
  it('a second firing of the same occurrence is skipped, even after the first run released its lock', async () => {
    const { app, logs } = await testApp({
      WARMER_DESTINATIONS: 'Seoul:37.5665:126.9780',
      WARMER_CATEGORIES: 'cafe',
    });
    try {
      const first = await app.warmer.run(undefined, '2026-12-01T00:20:00.000Z');
      const again = await app.warmer.run(undefined, '2026-12-01T00:20:00.000Z');
      const next = await app.warmer.run(undefined, '2026-12-01T00:40:00.000Z');
      const unscheduled = await app.warmer.run();
      expect([first.ran, again.ran, next.ran, unscheduled.ran]).toEqual([true, false, true, true]);
      expect(logs.some((l) => l.includes('another instance ran this schedule'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

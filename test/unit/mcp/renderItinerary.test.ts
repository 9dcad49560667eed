import { describe, expect, it } from 'vitest';

import { renderItinerary } from '../../../src/shared/mcp/renderItinerary.js';
import type { itinerarySchema } from '../../../src/shared/openapi/responseSchemas.js';
import { makePlace } from '../../fixtures/planner/planFixtures.js';

type Itinerary = import('zod').infer<typeof itinerarySchema>;

describe('get_itinerary as text', () => {
  it('lists stops with the ids edit_itinerary takes, breaks with their notes, and what needs attention', () => {
    const tower = makePlace({ id: 'kakao:1', name: 'N Seoul Tower', category: 'attraction' });
    const noodles = makePlace({ id: 'kakao:2', name: 'Myeongdong Kyoja', category: 'restaurant' });
    const itinerary: Itinerary = {
      tripId: 't1',
      generatedAt: '2026-11-30T00:00:00Z',
      days: [
        {
          date: '2026-12-10',
          locked: true,
          items: [
            { id: 'd1-00-travel', kind: 'travel', start: '09:00', end: '09:20' },
            {
              id: 'd1-00b-travel',
              kind: 'travel',
              start: '09:20',
              end: '09:20',
              travel: { mode: 'walk', distanceMeters: 10, durationSeconds: 10, estimated: true },
              memo: 'take the cable car',
            },
            {
              id: 'd1-01-visit',
              kind: 'visit',
              start: '09:20',
              end: '10:50',
              place: tower,
              memo: 'tickets in email',
            },
            {
              id: 'd1-02-rest',
              kind: 'rest',
              start: '10:50',
              end: '11:10',
              reason: 'Break (20 min): a rest.',
            },
            { id: 'd1-03-meal', kind: 'meal', meal: 'lunch', start: '11:30', end: '12:30', place: noodles },
          ],
        },
      ],
      warnings: Array.from({ length: 7 }, (_, i) => ({
        code: 'w',
        message: `warning ${i}`,
        date: '2026-12-10',
      })),
      dropped: [],
      stale: { since: '2026-11-29T00:00:00Z', changed: ['dates'] },
      detachedNotes: [
        {
          itemId: 'old-visit',
          date: '2026-12-11',
          kind: 'visit',
          note: 'visit to X on 2026-12-11, which the new plan does not include',
          memo: 'call ahead',
          at: '2026-11-29T00:00:00Z',
        },
      ],
    };
    const text = renderItinerary(itinerary);
    expect(text).toContain('2026-12-10 (locked)');
    expect(text).toContain('09:20–10:50 N Seoul Tower [d1-01-visit] — memo: tickets in email');
    expect(text).toContain('10:50–11:10 Break (20 min): a rest. [d1-02-rest]');
    expect(text).toContain('11:30–12:30 🍽 lunch: Myeongdong Kyoja [d1-03-meal]');
    expect(text).not.toContain('09:00–09:20');
    expect(text).toContain('09:20–09:20 walk [d1-00b-travel] — memo: take the cable car');
    expect(text).toContain("Stale: the trip's dates changed");
    expect(text).toContain('- 2026-12-10: warning 4');
    expect(text).not.toContain('warning 5');
    expect(text).toContain('- … 2 more');
    expect(text).toContain(
      '- [old-visit] visit to X on 2026-12-11, which the new plan does not include — memo: call ahead',
    );
  });
});

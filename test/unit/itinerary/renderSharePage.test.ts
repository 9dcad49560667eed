import { describe, expect, it } from 'vitest';

import { renderSharePage } from '../../../src/shared/itinerary/share/renderSharePage.js';
import type { SharedItinerary } from '../../../src/shared/itinerary/share/sharedView.js';

const view = (language: string): SharedItinerary => ({
  tripName: 'Seoul',
  tripId: 'trip-1',
  generatedAt: '2026-12-01T00:00:00.000Z',
  language,
  days: [
    {
      date: '2026-12-07',
      items: [
        {
          id: 'a',
          kind: 'travel',
          start: '09:00',
          end: '09:06',
          travel: { mode: 'taxi', distanceMeters: 1500, durationSeconds: 330, estimated: true },
        },
        {
          id: 'b',
          kind: 'travel',
          start: '09:06',
          end: '09:20',
          travel: { mode: 'transit', distanceMeters: 3000, durationSeconds: 840, estimated: false },
        },
        { id: 'c', kind: 'rest', start: '09:20', end: '09:40' },
      ],
    },
  ],
});

/** The visible text of the page's list items. */
const itemsText = (html: string) =>
  [...html.matchAll(/<span class="what">([^<]*)<\/span>/g)].map((m) => m[1]!);

describe('share page labels in the trip language', () => {
  it.each([
    ['en', ['Taxi 6 min · 1.5 km (estimated)', 'Transit 14 min · 3.0 km', 'Rest']],
    ['ko', ['택시 6분 · 1.5 km (추정)', '대중교통 14분 · 3.0 km', '휴식']],
    ['ja', ['タクシー 6分 · 1.5 km（推定）', '公共交通機関 14分 · 3.0 km', '休憩']],
  ])('labels travel modes and rests in %s', (language, expected) => {
    const html = renderSharePage(view(language));
    expect(itemsText(html)).toEqual(expected);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).not.toMatch(/>taxi /);
  });

  it('falls back to English for another language and shows a free-time note as written', () => {
    const shared = view('fr');
    const day = shared.days[0]!;
    const items = [
      ...day.items.slice(0, 2),
      { ...day.items[2]!, reason: 'Free time (65 min): rest or look around nearby at your own pace.' },
    ];
    const html = renderSharePage({ ...shared, days: [{ ...day, items }] });
    expect(itemsText(html)).toEqual([
      'Taxi 6 min · 1.5 km (estimated)',
      'Transit 14 min · 3.0 km',
      'Free time (65 min): rest or look around nearby at your own pace.',
    ]);
  });
});

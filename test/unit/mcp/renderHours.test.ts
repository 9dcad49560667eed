import { describe, expect, it } from 'vitest';

import { renderHours } from '../../../src/shared/mcp/renderHours.js';

describe('renderHours', () => {
  it('says plainly that unknown hours are unknown (never "always open")', () => {
    expect(renderHours(undefined)).toBe('Opening hours: unknown');
  });

  it('renders one line per day from Sunday, with closed days, split days, midnight crossings and the source', () => {
    const text = renderHours({
      source: 'google',
      periods: [
        { day: 1, open: '11:00', close: '15:00' },
        { day: 1, open: '17:00', close: '22:00' },
        { day: 5, open: '18:00', close: '02:00', closeDay: 6 },
        { day: 0, open: '00:00', close: '24:00' },
      ],
    });
    expect(text).toBe(
      [
        'Opening hours (from google):',
        '  Sun: 00:00–24:00',
        '  Mon: 11:00–15:00, 17:00–22:00',
        '  Tue: closed',
        '  Wed: closed',
        '  Thu: closed',
        '  Fri: 18:00–02:00',
        '  Sat: closed',
      ].join('\n'),
    );
  });

  it("leaves the source out when the hours are the place's own", () => {
    expect(renderHours({ periods: [] }).split('\n')[0]).toBe('Opening hours:');
  });
});

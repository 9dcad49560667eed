import { describe, expect, it } from 'vitest';

import { weekdayDescriptions } from '../../../src/shared/i18n/weekdayDescriptions.js';

const periods = [
  { day: 1, open: '09:00', close: '12:00' },
  { day: 1, open: '13:00', close: '18:00' },
  { day: 5, open: '18:00', close: '02:00', closeDay: 6 },
  { day: 0, open: '00:00', close: '24:00' },
];

describe('weekdayDescriptions', () => {
  it('renders Monday first, 24-hour times, split and overnight periods, closed and 24-hour days', () => {
    expect(weekdayDescriptions(periods, 'en')).toStrictEqual([
      'Monday: 09:00–12:00, 13:00–18:00',
      'Tuesday: Closed',
      'Wednesday: Closed',
      'Thursday: Closed',
      'Friday: 18:00–02:00',
      'Saturday: Closed',
      'Sunday: Open 24 hours',
    ]);
  });

  it('names days and fixed words in each supported language, English words elsewhere', () => {
    const first = (language: string) => weekdayDescriptions(periods, language).slice(0, 2);
    expect(first('ko')).toStrictEqual(['월요일: 09:00–12:00, 13:00–18:00', '화요일: 휴무']);
    expect(first('ja')).toStrictEqual(['月曜日: 09:00–12:00, 13:00–18:00', '火曜日: 定休日']);
    expect(first('zh-Hans')).toStrictEqual(['星期一: 09:00–12:00, 13:00–18:00', '星期二: 休息']);
    expect(weekdayDescriptions(periods, 'zh-Hant')[6]).toBe('星期日: 24 小時營業');
    expect(first('fr')).toStrictEqual(['lundi: 09:00–12:00, 13:00–18:00', 'mardi: Closed']);
  });
});

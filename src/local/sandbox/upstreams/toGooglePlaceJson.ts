import type { OpeningPeriod } from '../../../shared/domain/place.js';
import { isOpenAt } from '../dataset/isOpenAt.js';
import type { SandboxPlace } from '../dataset/SandboxPlace.js';
import { googleDisplayName } from './googleDisplayName.js';

export type SandboxLanguage = 'ko' | 'en';

/** Google answers in Korean for `ko*`, else in English (the dataset has no other language). */
export const languageOf = (languageCode: unknown): SandboxLanguage =>
  typeof languageCode === 'string' && languageCode.toLowerCase().startsWith('ko') ? 'ko' : 'en';

/** Google's `priceLevel` values, cheapest first (index = our 0–4 price level). */
export const PRICE_LEVELS = [
  'PRICE_LEVEL_FREE',
  'PRICE_LEVEL_INEXPENSIVE',
  'PRICE_LEVEL_MODERATE',
  'PRICE_LEVEL_EXPENSIVE',
  'PRICE_LEVEL_VERY_EXPENSIVE',
];
const DAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ko: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
};
const LONG_PROVINCES: Readonly<Record<string, string>> = { 서울: '서울특별시', 부산: '부산광역시' };

const hm = (hhmm: string) => ({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) });

const isAlwaysOpen = (periods: readonly OpeningPeriod[]) =>
  new Set(periods.filter((p) => p.open === '00:00' && p.close === '24:00').map((p) => p.day)).size === 7;

/** Our periods in Google's shape; 24/7 is Google's single period with only `open`. */
function toGooglePeriods(periods: readonly OpeningPeriod[]) {
  if (isAlwaysOpen(periods)) return [{ open: { day: 0, hour: 0, minute: 0 } }];
  return periods.map((p) => {
    const closesAtMidnight = p.close === '24:00';
    return {
      open: { day: p.day, ...hm(p.open) },
      close: closesAtMidnight
        ? { day: (p.day + 1) % 7, hour: 0, minute: 0 }
        : { day: p.closeDay ?? p.day, ...hm(p.close) },
    };
  });
}

function clock(hhmm: string, language: SandboxLanguage): string {
  const { hour, minute } = hm(hhmm === '24:00' ? '00:00' : hhmm);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const mm = String(minute).padStart(2, '0');
  return language === 'en'
    ? `${h12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`
    : `${hour < 12 ? '오전' : '오후'} ${h12}:${mm}`;
}

/** Google's `weekdayDescriptions`: Monday first, one line per day. */
function weekdayDescriptions(periods: readonly OpeningPeriod[], language: SandboxLanguage): string[] {
  return [1, 2, 3, 4, 5, 6, 0].map((day) => {
    const name = DAY_NAMES[language][day]!;
    const today = periods.filter((p) => p.day === day);
    if (today.length === 0) return `${name}: ${language === 'en' ? 'Closed' : '휴무일'}`;
    if (today.some((p) => p.open === '00:00' && p.close === '24:00'))
      return `${name}: ${language === 'en' ? 'Open 24 hours' : '24시간 영업'}`;
    const spans = today.map(
      (p) => `${clock(p.open, language)}${language === 'en' ? ' – ' : '~'}${clock(p.close, language)}`,
    );
    return `${name}: ${spans.join(', ')}`;
  });
}

function formattedAddress(place: SandboxPlace, language: SandboxLanguage): string {
  if (language === 'en')
    return place.countryCode === 'KR' ? `${place.address.en}, South Korea` : place.address.en;
  if (place.countryCode !== 'KR') return place.address.ko;
  const [province = '', ...rest] = place.address.ko.split(' ');
  return ['대한민국', LONG_PROVINCES[province] ?? province, ...rest].join(' ');
}

function internationalPhone(place: SandboxPlace): string | undefined {
  if (!place.phone) return undefined;
  return `${place.countryCode === 'KR' ? '+82' : '+81'} ${place.phone.replace(/^0/, '')}`;
}

/** A dataset place as a full Places API (New) Place in `language`; the field mask trims it afterwards. */
export function toGooglePlaceJson(
  place: SandboxPlace,
  language: SandboxLanguage,
  now: Date,
  /** The request's own `languageCode`, for names in more languages than `language` covers. */
  languageCode: unknown = language,
): Record<string, unknown> {
  const periods = place.openingHours;
  const hours = periods
    ? {
        openNow: isOpenAt(periods, now, place.utcOffsetMinutes),
        periods: toGooglePeriods(periods),
        weekdayDescriptions: weekdayDescriptions(periods, language),
      }
    : undefined;
  const phone = internationalPhone(place);
  return {
    name: `places/${place.googleId}`,
    id: place.googleId,
    types: place.google.types,
    ...(place.phone ? { nationalPhoneNumber: place.phone, internationalPhoneNumber: phone } : {}),
    formattedAddress: formattedAddress(place, language),
    location: { latitude: place.location.lat, longitude: place.location.lng },
    rating: place.rating,
    googleMapsUri: `https://maps.google.com/?cid=${BigInt(place.kakaoId) * 7919n}`,
    ...(hours ? { regularOpeningHours: hours, currentOpeningHours: hours } : {}),
    utcOffsetMinutes: place.utcOffsetMinutes,
    businessStatus: 'OPERATIONAL',
    ...(place.priceLevel === undefined ? {} : { priceLevel: PRICE_LEVELS[place.priceLevel] }),
    userRatingCount: place.ratingCount,
    displayName: googleDisplayName(place, languageCode),
    primaryType: place.google.primaryType,
    ...(place.wheelchairAccessible === undefined
      ? {}
      : { accessibilityOptions: { wheelchairAccessibleEntrance: place.wheelchairAccessible } }),
  };
}

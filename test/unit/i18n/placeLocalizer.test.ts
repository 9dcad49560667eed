import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { Place } from '../../../src/shared/domain/place.js';
import { CachedTranslator } from '../../../src/shared/i18n/CachedTranslator.js';
import type { PlaceLocalizationSources } from '../../../src/shared/i18n/PlaceLocalizationSources.js';
import { PlaceLocalizer } from '../../../src/shared/i18n/PlaceLocalizer.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { FakeTranslator, translatorDown } from '../../fixtures/i18n/FakeTranslator.js';

const palace: Place = {
  id: 'kakao:90010001',
  provider: 'kakao',
  name: '경복궁',
  category: 'culture',
  categories: ['관광명소'],
  location: { lat: 37.5796, lng: 126.977 },
  address: '서울 종로구 사직로 161',
  openingHours: {
    periods: [{ day: 1, open: '09:00', close: '18:00' }],
    weekdayDescriptions: ['월요일: 오전 9:00~오후 6:00'],
    source: 'google',
  },
};
const soup: Place = {
  ...palace,
  id: 'kakao:90010099',
  name: '광화문국밥',
  address: '서울 중구 세종대로21길 53',
};
const noodles: Place = { ...soup, id: 'kakao:90010098', name: '명동교자', address: '서울 중구 명동10길 29' };
delete (soup as Partial<Place>).openingHours;
delete (noodles as Partial<Place>).openingHours;

/** Google knows the palace in English and Japanese; the two restaurants have no Google twin. */
function googleSources(): PlaceLocalizationSources & { calls: number } {
  const google: Record<string, Place> = {
    en: {
      ...palace,
      id: 'google:ChIJpalace',
      provider: 'google',
      name: 'Gyeongbokgung Palace',
      address: '161 Sajik-ro, Jongno-gu, Seoul, South Korea',
    },
    ja: {
      ...palace,
      id: 'google:ChIJpalace',
      provider: 'google',
      name: '景福宮',
      address: '韓国 ソウル特別市 鍾路区 社稷路 161',
    },
  };
  const sources = {
    calls: 0,
    async googleMatch(place: Place) {
      sources.calls++;
      return place.id === palace.id ? 'google:ChIJpalace' : undefined;
    },
    async googlePlace(_id: string, language: string) {
      sources.calls++;
      return google[language] ?? { ...palace, id: 'google:ChIJpalace', provider: 'google' as const };
    },
  };
  return sources;
}

function setup(table: Record<string, string> = {}, now?: () => number) {
  const metrics = new Metrics();
  const cache = new TieredCache({
    l1MaxEntries: 1000,
    l1TtlMs: 48 * 3600_000,
    metrics,
    ...(now ? { now } : {}),
  });
  const fake = new FakeTranslator(table);
  const translator = new CachedTranslator({
    translator: fake,
    cache,
    metrics,
    policy: new ProviderPolicy({ name: 'translator', provider: 'translator', budgetMs: 1000, maxRetries: 0 }),
    batchWindowMs: 0,
  });
  const sources = googleSources();
  const localizer = new PlaceLocalizer({ sources, cache, translator });
  return { localizer, fake, metrics, sources };
}

describe('PlaceLocalizer', () => {
  it('gives a Kakao place its Google twin’s English name and address, the Korean beside, hours in English', async () => {
    const { localizer, fake } = setup();

    const { value, warnings } = await localizer.localize([palace], 'en');

    expect(value[0]).toStrictEqual({
      ...palace,
      name: 'Gyeongbokgung Palace',
      address: '161 Sajik-ro, Jongno-gu, Seoul, South Korea',
      language: 'en',
      nameSource: 'provider',
      nameOriginal: '경복궁',
      addressOriginal: '서울 종로구 사직로 161',
      originalLanguage: 'ko',
      openingHours: {
        ...palace.openingHours,
        weekdayDescriptions: [
          'Monday: 09:00–18:00',
          'Tuesday: Closed',
          'Wednesday: Closed',
          'Thursday: Closed',
          'Friday: Closed',
          'Saturday: Closed',
          'Sunday: Closed',
        ],
      },
    });
    expect(warnings).toStrictEqual([]);
    expect(fake.calls).toStrictEqual([]);
  });

  it('transliterates names without a localized form for Latin readers and translates their addresses, in one call each', async () => {
    const { localizer, fake } = setup({
      '광화문국밥>Latn': 'Gwanghwamun Gukbap',
      '명동교자>Latn': 'Myeongdong Kyoja',
    });

    const { value } = await localizer.localize([soup, noodles], 'en');

    expect(value.map((p) => [p.name, p.nameSource, p.nameOriginal, p.address])).toStrictEqual([
      ['Gwanghwamun Gukbap', 'transliterated', '광화문국밥', 'tr-en(16)'],
      ['Myeongdong Kyoja', 'transliterated', '명동교자', 'tr-en(14)'],
    ]);
    expect(fake.calls.map((c) => [c.op, c.texts.length])).toStrictEqual([
      ['translate', 2],
      ['transliterate', 2],
    ]);
  });

  it('translates names for readers of non-Latin languages (Japanese), Google’s first', async () => {
    const { localizer } = setup({ '광화문국밥>ja': '光化門クッパ' });

    const { value } = await localizer.localize([palace, soup], 'ja');

    expect(value.map((p) => [p.name, p.nameSource])).toStrictEqual([
      ['景福宮', 'provider'],
      ['光化門クッパ', 'translated'],
    ]);
    expect(value[0]!.openingHours!.weekdayDescriptions![0]).toBe('月曜日: 09:00–18:00');
  });

  it('serves repeated and concurrent requests from the cache: one Translator call per text and direction', async () => {
    const { localizer, fake, metrics } = setup();

    await Promise.all([localizer.localize([soup, noodles], 'en'), localizer.localize([noodles, soup], 'en')]);
    await localizer.localize([soup, noodles], 'en');

    expect(fake.calls.map((c) => [c.op, c.texts.length])).toStrictEqual([
      ['translate', 2],
      ['transliterate', 2],
    ]);
    expect(metrics.count('upstream.calls.translator')).toBe(2);
    expect(metrics.count('translation.loaded')).toBe(4);
    expect(metrics.count('translation.texts')).toBe(12);
  });

  it('keeps translations for 24 hours, then asks again', async () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const { localizer, fake } = setup({}, () => now);

    await localizer.localize([soup], 'en');
    now += 23 * 3600_000;
    await localizer.localize([soup], 'en');
    const within = fake.calls.length;
    now += 2 * 3600_000;
    await localizer.localize([soup], 'en');

    expect(within).toBe(2);
    expect(fake.calls.length).toBe(4);
  });

  it.each([503, 429])(
    'a Translator outage (%i) keeps the original names and warns, and is not cached',
    async (status) => {
      const { localizer, fake } = setup();
      fake.failWith = translatorDown(status);

      const down = await localizer.localize([palace, soup], 'en');
      fake.failWith = undefined;
      const back = await localizer.localize([soup], 'en');

      expect(down.value.map((p) => [p.name, p.nameSource])).toStrictEqual([
        ['Gyeongbokgung Palace', 'provider'],
        ['광화문국밥', undefined],
      ]);
      expect(down.warnings).toStrictEqual([
        {
          code: 'translation_unavailable',
          message:
            'Translation is unavailable right now: some names and addresses are shown as written locally.',
        },
      ]);
      expect(back.value[0]!.nameSource).toBe('transliterated');
      expect(back.warnings).toStrictEqual([]);
    },
  );

  it('leaves Korean readers with Kakao’s own names and no originals', async () => {
    const { localizer, fake, sources } = setup();

    const { value } = await localizer.localize([soup], 'ko');

    expect(value[0]).toStrictEqual({ ...soup, language: 'ko', nameSource: 'provider' });
    expect(fake.calls).toStrictEqual([]);
    expect(sources.calls).toBe(0);
  });
});

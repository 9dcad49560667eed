import { describe, expect, it } from 'vitest';

import { isAppError } from '../../../src/shared/errors/AppError.js';
import { languageCodeSchema, normalizeLanguage, writesLatin } from '../../../src/shared/i18n/languages.js';
import { requestLanguage } from '../../../src/shared/i18n/requestLanguage.js';
import { readableIn, scriptOf } from '../../../src/shared/i18n/scripts.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';

describe('normalizeLanguage', () => {
  it('canonicalizes the supported languages and maps Chinese regions to scripts', () => {
    expect(
      ['ko', 'EN', 'en-US', 'ja-JP', 'zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-hant', 'zh-Hans-CN'].map(
        normalizeLanguage,
      ),
    ).toEqual(['ko', 'en', 'en', 'ja', 'zh-Hans', 'zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hans']);
  });

  it('passes other known languages through and rejects unknown or malformed ones', () => {
    expect(['fr', 'pt-BR', 'es-419'].map(normalizeLanguage)).toEqual(['fr', 'pt-BR', 'es-419']);
    expect(['xx', 'qq', 'zz-ZZ', 'en_US!', ''].map(normalizeLanguage)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('languageCodeSchema', () => {
  it('fails with the supported list', () => {
    const result = languageCodeSchema.safeParse('xx');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('ko, en, ja, zh-Hans, zh-Hant');
  });

  it('is what place searches validate language with (400 with the field path)', () => {
    const ok = placeSearchParamsSchema.parse({ query: '경복궁', language: 'zh-TW' });
    expect(ok.language).toBe('zh-Hant');
    const bad = placeSearchParamsSchema.safeParse({ query: '경복궁', language: 'klingon-x' });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['language']);
  });
});

describe('requestLanguage', () => {
  it('prefers the query, then Accept-Language by quality, then the fallback', () => {
    expect(requestLanguage('ja', 'en', 'ko')).toBe('ja');
    expect(requestLanguage(undefined, 'xx;q=1, fr;q=0.4, zh-TW;q=0.8', 'ko')).toBe('zh-Hant');
    expect(requestLanguage(undefined, '*', 'ko')).toBe('ko');
    expect(requestLanguage(null, undefined, 'en')).toBe('en');
  });

  it('answers a repeated Accept-Language the same, and a remembered miss still takes each call’s fallback', () => {
    const header = 'de-CH, zh-HK;q=0.9';
    expect([1, 2, 3].map(() => requestLanguage(undefined, header, 'ko'))).toEqual([
      'de-CH',
      'de-CH',
      'de-CH',
    ]);
    expect(requestLanguage(undefined, 'xx, yy;q=0.5', 'ko')).toBe('ko');
    expect(requestLanguage(undefined, 'xx, yy;q=0.5', 'en')).toBe('en');
    expect(requestLanguage('ja', 'xx, yy;q=0.5', 'en')).toBe('ja');
    const long = `${'x-'.repeat(200)}fr`;
    expect(requestLanguage(undefined, `${long}, ja;q=0.5`, 'ko')).toBe('ja');
  });

  it('turns an unknown query language into a 400 on query.language', () => {
    try {
      requestLanguage('xx', undefined, 'ko');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.status).toBe(400);
      expect(isAppError(error) && error.errors?.[0]?.path).toBe('query.language');
    }
  });
});

describe('scripts', () => {
  it('names the script of a text', () => {
    expect(['경복궁', '東京タワー', '浅草寺', 'Gyeongbokgung', 'Москва', '123'].map(scriptOf)).toEqual([
      'Kore',
      'Jpan',
      'Hani',
      'Latn',
      'Other',
      'None',
    ]);
  });

  it('says which readers can read a text as it is', () => {
    expect(readableIn('경복궁', 'en')).toBe(false);
    expect(readableIn('경복궁', 'ko')).toBe(true);
    expect(readableIn('景福宮', 'ja')).toBe(true);
    expect(readableIn('東京タワー', 'zh-Hans')).toBe(false);
    expect(readableIn('teamLab Planets', 'ko')).toBe(true);
    expect(readableIn('浅草寺', 'ko')).toBe(false);
    expect(writesLatin('fr')).toBe(true);
    expect(writesLatin('zh-Hant')).toBe(false);
  });
});

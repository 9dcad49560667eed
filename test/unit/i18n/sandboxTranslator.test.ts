import { describe, expect, it } from 'vitest';

import { parseNameSource } from '../../../src/local/sandbox/data/parseNameSource.js';
import type { SandboxPlace } from '../../../src/local/sandbox/dataset/SandboxPlace.js';
import { romanizeHangul } from '../../../src/local/sandbox/translator/romanizeHangul.js';
import { romanizeKana } from '../../../src/local/sandbox/translator/romanizeKana.js';
import { sandboxTranslate } from '../../../src/local/sandbox/translator/sandboxTranslate.js';
import { googleDisplayName } from '../../../src/local/sandbox/upstreams/googleDisplayName.js';

describe('sandbox Translator', () => {
  it('romanizes Hangul by the Revised Romanization, with the sound changes at syllable joins', () => {
    expect(['경복궁', '종로', '독립문', '신라', '설날', '한옥마을'].map(romanizeHangul)).toStrictEqual([
      'Gyeongbokgung',
      'Jongno',
      'Dongnimmun',
      'Silla',
      'Seollal',
      'Hanongmaeul',
    ]);
  });

  it('romanizes Kana by Hepburn (digraphs, small tsu, long vowels) and leaves Kanji', () => {
    expect(['しんじゅく', 'きょうと', 'がっこう', 'ラーメン', '東京タワー'].map(romanizeKana)).toStrictEqual([
      'Shinjuku',
      'Kyouto',
      'Gakkou',
      'Raamen',
      '東京tawaa',
    ]);
  });

  it('translates from the glossary, word by word and by known suffix, romanizing the rest', () => {
    expect(sandboxTranslate('서울', 'ko', 'zh-Hant')).toBe('首爾');
    expect(sandboxTranslate('경복궁', 'ko', 'en')).toBe('Gyeongbok Palace');
    expect(sandboxTranslate('東京タワー', 'ja', 'ko')).toBe('도쿄타워');
    expect(sandboxTranslate('사직로', 'ko', 'en')).toBe('Sajingno');
  });
});

describe('sandbox names', () => {
  it('reads names.txt rows and refuses unknown languages and duplicates', () => {
    const table = parseNameSource('names.txt', '# c\n90010001 | ja | 景福宮\n90010001 | zh-Hant | 景福宮\n');
    expect(table.get('90010001')).toStrictEqual({ ja: '景福宮', 'zh-Hant': '景福宮' });
    expect(() => parseNameSource('names.txt', '90010001 | fr | Palais')).toThrow(
      'names.txt:1: unknown language "fr"',
    );
    expect(() => parseNameSource('names.txt', '90010001 | ja | a\n90010001 | ja | b')).toThrow(
      'second ja name',
    );
  });

  it('answers displayName as Google does: localized where known, else the local name for ja/zh', () => {
    const seoul = {
      countryCode: 'KR',
      name: { ko: '경복궁', en: 'Gyeongbokgung Palace' },
      localizedNames: { ja: '景福宮' },
    } as unknown as SandboxPlace;
    const tokyo = {
      countryCode: 'JP',
      name: { ko: '도쿄 타워', en: 'Tokyo Tower' },
      localizedNames: { ja: '東京タワー' },
    } as unknown as SandboxPlace;

    expect(googleDisplayName(seoul, 'ja-JP')).toStrictEqual({ text: '景福宮', languageCode: 'ja' });
    expect(googleDisplayName(seoul, 'zh-TW')).toStrictEqual({ text: '경복궁', languageCode: 'ko' });
    expect(googleDisplayName(tokyo, 'zh')).toStrictEqual({ text: '東京タワー', languageCode: 'ja' });
    expect(googleDisplayName(tokyo, 'ko')).toStrictEqual({ text: '도쿄 타워', languageCode: 'ko' });
    expect(googleDisplayName(tokyo, 'fr')).toStrictEqual({ text: 'Tokyo Tower', languageCode: 'en' });
  });
});

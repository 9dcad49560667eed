import { baseLanguage } from './languages.js';

/** The few fixed words localization writes itself, per supported language; English for the rest. */
interface Words {
  closed: string;
  open24h: string;
  translationUnavailable: string;
}

const WORDS: Readonly<Record<string, Words>> = {
  en: {
    closed: 'Closed',
    open24h: 'Open 24 hours',
    translationUnavailable:
      'Translation is unavailable right now: some names and addresses are shown as written locally.',
  },
  ko: {
    closed: '휴무',
    open24h: '24시간 영업',
    translationUnavailable: '지금은 번역을 쓸 수 없어 일부 이름과 주소를 현지 표기 그대로 보여 줍니다.',
  },
  ja: {
    closed: '定休日',
    open24h: '24 時間営業',
    translationUnavailable: '現在翻訳を利用できないため、一部の名称と住所を現地表記のまま表示しています。',
  },
  'zh-Hans': {
    closed: '休息',
    open24h: '24 小时营业',
    translationUnavailable: '翻译服务暂时不可用：部分名称和地址以当地文字显示。',
  },
  'zh-Hant': {
    closed: '休息',
    open24h: '24 小時營業',
    translationUnavailable: '翻譯服務暫時無法使用：部分名稱和地址以當地文字顯示。',
  },
};

/** The words for a language (`zh-Hant`, `ja`, …), falling back to English. */
export function wordsFor(language: string): Words {
  return WORDS[language] ?? WORDS[baseLanguage(language)] ?? WORDS.en!;
}

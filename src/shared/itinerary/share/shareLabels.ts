/** The share page's own words in one language. */
export interface ShareLabels {
  /** Travel modes as the itinerary names them (`car`, `transit`, `walk`, `bicycle`, `taxi`). */
  readonly modes: Readonly<Record<string, string>>;
  readonly minutes: (minutes: number) => string;
  readonly estimated: string;
  readonly rest: string;
  readonly lunch: string;
  readonly dinner: string;
  readonly hoursUnknown: string;
  readonly closed: string;
  readonly open: (intervals: string) => string;
  readonly itinerary: string;
  readonly footer: (date: string) => string;
}

const EN: ShareLabels = {
  modes: { car: 'Drive', transit: 'Transit', walk: 'Walk', bicycle: 'Cycle', taxi: 'Taxi' },
  minutes: (m) => `${m} min`,
  estimated: ' (estimated)',
  rest: 'Rest',
  lunch: 'Lunch',
  dinner: 'Dinner',
  hoursUnknown: 'Opening hours unknown',
  closed: 'Closed that day',
  open: (intervals) => `Open ${intervals}`,
  itinerary: 'itinerary',
  footer: (date) => `Shared read-only from TripGen · generated ${date}`,
};

/** Korean, English and Japanese, as the planner's messages; English for any other trip language. */
const LABELS: Readonly<Record<string, ShareLabels>> = {
  en: EN,
  ko: {
    modes: { car: '자동차', transit: '대중교통', walk: '도보', bicycle: '자전거', taxi: '택시' },
    minutes: (m) => `${m}분`,
    estimated: ' (추정)',
    rest: '휴식',
    lunch: '점심',
    dinner: '저녁',
    hoursUnknown: '영업시간 정보 없음',
    closed: '이날 휴무',
    open: (intervals) => `영업 ${intervals}`,
    itinerary: '일정',
    footer: (date) => `TripGen에서 읽기 전용으로 공유 · ${date} 생성`,
  },
  ja: {
    modes: { car: '車', transit: '公共交通機関', walk: '徒歩', bicycle: '自転車', taxi: 'タクシー' },
    minutes: (m) => `${m}分`,
    estimated: '（推定）',
    rest: '休憩',
    lunch: '昼食',
    dinner: '夕食',
    hoursUnknown: '営業時間不明',
    closed: 'この日は休業',
    open: (intervals) => `営業 ${intervals}`,
    itinerary: '旅程',
    footer: (date) => `TripGen から閲覧専用で共有 · ${date} 作成`,
  },
};

/** The page's words for a trip language (`ko-KR` reads as `ko`). */
export function shareLabels(language: string): ShareLabels {
  return LABELS[language.toLowerCase().split('-')[0]!] ?? EN;
}

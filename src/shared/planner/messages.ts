/**
 * The traveller-facing sentences of an itinerary (warnings, item notes, reasons, why a place was
 * left out) in the trip's language: Korean, English and Japanese, English for anything else.
 * Internal facts (estimated matrix cells, repairs, ranking noise) never come through here: they go
 * to logs and metrics.
 */
export type MessageLanguage = 'ko' | 'en' | 'ja';

type Vars = Readonly<Record<string, string | number>>;
type Catalog = Readonly<Record<MessageKey, string>>;

export type MessageKey =
  | 'meal_not_scheduled'
  | 'day_without_visits'
  | 'unknown_opening_hours'
  | 'accessibility_unknown'
  | 'diet_unverified'
  | 'transit_for_long_legs'
  | 'free_time'
  | 'free_time_long'
  | 'rest_break'
  | 'dropped.closed'
  | 'dropped.too_far'
  | 'dropped.did_not_fit'
  | 'dropped.pace_full'
  | 'dropped.pin_did_not_fit'
  | 'dropped.not_step_free'
  | 'dropped.strenuous_mobility'
  | 'dropped.strenuous_group'
  | 'dropped.adults_only'
  | 'dropped.diet'
  | 'reason.matches'
  | 'reason.rated'
  | 'reason.popular'
  | 'reason.near_previous'
  | 'reason.before_sunset'
  | 'reason.evening'
  | 'reason.step_free'
  | 'reason.diet_fits'
  | 'reason.new_cuisine'
  | 'reason.same_site'
  | 'meal.lunch'
  | 'meal.dinner'
  | 'diet.vegetarian'
  | 'diet.vegan'
  | 'diet.halal'
  | 'diet.no_pork'
  | 'diet.no_seafood'
  | 'diet.no_beef';

const EN: Catalog = {
  meal_not_scheduled: 'No restaurant could be fitted for {meal} on {date}; eat near your last stop.',
  day_without_visits: 'Nothing could be planned for {date}; keep it free or ask for a new plan.',
  unknown_opening_hours: "{name}'s opening hours are unknown; check before you go.",
  accessibility_unknown: 'Step-free access at {name} is not known; check before you go.',
  diet_unverified: '{name} may not cater for {diets}; ask before ordering.',
  transit_for_long_legs:
    'Longer hops are by public transport or taxi, so nobody walks more than {meters} m at a time.',
  free_time: 'Free time ({minutes} min): rest or look around nearby at your own pace.',
  free_time_long: 'Free time ({minutes} min): time to rest at your accommodation, or look around nearby.',
  rest_break: 'Break ({minutes} min): time to sit down and rest, at an easy pace.',
  'dropped.closed': 'Closed on every day of the trip',
  'dropped.too_far': 'Too far from where you stay to fit in a day',
  'dropped.did_not_fit': 'Did not fit the schedule; other places matched you better',
  'dropped.pace_full':
    'Every day already holds as much sightseeing as suits your group’s pace; add it in free time or swap it for another stop if you prefer it',
  'dropped.pin_did_not_fit':
    'Could not be fitted on any day within its opening hours and the day’s meals; free a slot or lengthen a day',
  'dropped.not_step_free': 'No step-free access',
  'dropped.strenuous_mobility': 'Too strenuous for a traveller with limited mobility',
  'dropped.strenuous_group': 'Too strenuous for the youngest or oldest in the group',
  'dropped.adults_only': 'Not suitable for children',
  'dropped.diet': 'Does not suit the dietary needs of the group',
  'reason.matches': 'Matches your interest in {what}',
  'reason.rated': 'Rated {rating} by {count} visitors',
  'reason.popular': 'Well rated',
  'reason.near_previous': '{minutes} min from the previous stop',
  'reason.before_sunset': 'Best in daylight (sunset {time})',
  'reason.evening': 'Best in the evening',
  'reason.step_free': 'Step-free entrance',
  'reason.diet_fits': 'Suits {diets}',
  'reason.new_cuisine': 'Something different: {cuisine}',
  'reason.same_site': 'Right next to {name}',
  'meal.lunch': 'lunch',
  'meal.dinner': 'dinner',
  'diet.vegetarian': 'vegetarians',
  'diet.vegan': 'vegans',
  'diet.halal': 'halal diets',
  'diet.no_pork': 'a no-pork diet',
  'diet.no_seafood': 'a no-seafood diet',
  'diet.no_beef': 'a no-beef diet',
};

const KO: Catalog = {
  meal_not_scheduled: '{date}에는 {meal} 식당을 일정에 넣지 못했습니다. 마지막 방문지 근처에서 식사하세요.',
  day_without_visits: '{date}에는 일정을 잡지 못했습니다. 자유 일정으로 두거나 다시 생성해 주세요.',
  unknown_opening_hours: '{name}의 영업시간을 알 수 없습니다. 방문 전에 확인하세요.',
  accessibility_unknown: '{name}의 휠체어(무단차) 접근 여부를 알 수 없습니다. 방문 전에 확인하세요.',
  diet_unverified: '{name}에서 {diets} 메뉴를 제공하는지 확인되지 않았습니다. 주문 전에 문의하세요.',
  transit_for_long_legs: '한 번에 {meters}m 넘게 걷지 않도록 먼 구간은 대중교통이나 택시로 이동합니다.',
  free_time: '자유 시간 ({minutes}분): 쉬거나 근처를 천천히 둘러보세요.',
  free_time_long: '자유 시간 ({minutes}분): 숙소에서 쉬거나 근처를 둘러보세요.',
  rest_break: '휴식 ({minutes}분): 편한 속도로 잠시 앉아 쉬어 가세요.',
  'dropped.closed': '여행 기간 내내 휴무',
  'dropped.too_far': '숙소에서 너무 멀어 하루 일정에 넣을 수 없음',
  'dropped.did_not_fit': '일정에 맞지 않음 (더 잘 맞는 장소를 선택)',
  'dropped.pace_full':
    '일행에게 맞는 하루 관람량이 이미 모두 찼습니다. 원하시면 자유 시간에 넣거나 다른 장소와 바꿔 보세요',
  'dropped.pin_did_not_fit':
    '영업시간과 식사 시간 안에 넣을 수 있는 날이 없음; 일정을 비우거나 하루를 늘려 주세요',
  'dropped.not_step_free': '휠체어 접근 불가',
  'dropped.strenuous_mobility': '거동이 불편한 여행자에게 힘든 곳',
  'dropped.strenuous_group': '어린 아이나 고령 여행자에게 힘든 곳',
  'dropped.adults_only': '아이와 함께 가기 어려운 곳',
  'dropped.diet': '일행의 식단 제한에 맞지 않음',
  'reason.matches': '{what} 취향에 맞는 곳',
  'reason.rated': '평점 {rating} (리뷰 {count}개)',
  'reason.popular': '평이 좋은 곳',
  'reason.near_previous': '이전 장소에서 {minutes}분',
  'reason.before_sunset': '해지기 전에 보기 좋음 (일몰 {time})',
  'reason.evening': '저녁에 가기 좋은 곳',
  'reason.step_free': '휠체어 출입 가능',
  'reason.diet_fits': '{diets} 식단 가능',
  'reason.new_cuisine': '새로운 메뉴: {cuisine}',
  'reason.same_site': '{name} 바로 옆',
  'meal.lunch': '점심',
  'meal.dinner': '저녁',
  'diet.vegetarian': '채식',
  'diet.vegan': '비건',
  'diet.halal': '할랄',
  'diet.no_pork': '돼지고기 제외',
  'diet.no_seafood': '해산물 제외',
  'diet.no_beef': '소고기 제외',
};

const JA: Catalog = {
  meal_not_scheduled:
    '{date}の{meal}のレストランを組み込めませんでした。最後の訪問先の近くでお食事ください。',
  day_without_visits: '{date}は予定を組めませんでした。自由行動にするか、再作成してください。',
  unknown_opening_hours: '{name}の営業時間が不明です。お出かけ前にご確認ください。',
  accessibility_unknown: '{name}の段差のない入口の有無が不明です。お出かけ前にご確認ください。',
  diet_unverified: '{name}が{diets}に対応しているか確認できません。注文前にお尋ねください。',
  transit_for_long_legs: '一度に{meters}m以上歩かないよう、長い区間は公共交通機関かタクシーで移動します。',
  free_time: '自由時間（{minutes}分）：休憩するか、近くをゆっくり散策してください。',
  free_time_long: '自由時間（{minutes}分）：宿で休むか、近くを散策してください。',
  rest_break: '休憩（{minutes}分）：腰を下ろして、ゆっくりひと休みしましょう。',
  'dropped.closed': '旅行期間中はすべて休業日',
  'dropped.too_far': '宿泊先から遠く、1日の予定に入りません',
  'dropped.did_not_fit': '予定に収まりませんでした（より合う場所を優先）',
  'dropped.pace_full':
    'どの日もグループに合う観光量がすでにいっぱいです。入れたい場合は自由時間に追加するか、他の場所と入れ替えてください',
  'dropped.pin_did_not_fit':
    '営業時間と食事の時間内に入れられる日がありません。予定を空けるか、1日を延ばしてください',
  'dropped.not_step_free': '車椅子で入れません',
  'dropped.strenuous_mobility': '歩行が困難な方には負担が大きい場所',
  'dropped.strenuous_group': '小さなお子様やご高齢の方には負担が大きい場所',
  'dropped.adults_only': 'お子様連れには不向き',
  'dropped.diet': 'グループの食事制限に合いません',
  'reason.matches': '{what}のご希望に合う場所',
  'reason.rated': '評価 {rating}（{count}件）',
  'reason.popular': '評判の良い場所',
  'reason.near_previous': '前の場所から{minutes}分',
  'reason.before_sunset': '明るいうちがおすすめ（日の入り {time}）',
  'reason.evening': '夕方以降がおすすめ',
  'reason.step_free': '段差のない入口',
  'reason.diet_fits': '{diets}に対応',
  'reason.new_cuisine': '別の料理も: {cuisine}',
  'reason.same_site': '{name}のすぐ隣',
  'meal.lunch': '昼食',
  'meal.dinner': '夕食',
  'diet.vegetarian': 'ベジタリアン',
  'diet.vegan': 'ヴィーガン',
  'diet.halal': 'ハラール',
  'diet.no_pork': '豚肉なし',
  'diet.no_seafood': '魚介なし',
  'diet.no_beef': '牛肉なし',
};

const CATALOGS: Readonly<Record<MessageLanguage, Catalog>> = { en: EN, ko: KO, ja: JA };

/** The catalog language for a BCP-47 tag (`ko-KR` → ko); English for anything else. */
export function messageLanguage(tag: string): MessageLanguage {
  const base = tag.toLowerCase().split('-')[0] as MessageLanguage;
  return base in CATALOGS ? base : 'en';
}

/** One message in the trip's language, with `{name}` placeholders filled in. */
export function message(language: string, key: MessageKey, vars: Vars = {}): string {
  const template = CATALOGS[messageLanguage(language)][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

/** A list joined the way the language lists things. */
export function joinList(language: string, items: readonly string[]): string {
  return items.join(messageLanguage(language) === 'ja' ? '、' : ', ');
}

import { describe, expect, it } from 'vitest';

import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { preferenceMatcher } from '../../../src/shared/planner/preferenceMatch.js';
import { bayesianRating, scoreCandidates } from '../../../src/shared/planner/scoreCandidates.js';
import { ADULT, makePlace } from '../../fixtures/planner/planFixtures.js';

describe('groupProfile', () => {
  it('a 70-year-old with limited mobility sets the pace of the whole group', () => {
    const profile = groupProfile([
      ADULT,
      { name: 'Grandpa', age: 70, health: { mobility: 'limited' }, preferences: [] },
    ]);
    expect(profile).toMatchObject({
      maxVisitsPerDay: 4,
      maxWalkLegMeters: 500,
      maxWalkDayMeters: 2_500,
      restMinutes: 20,
      hasSeniors: true,
      hasLimitedMobility: true,
    });
    expect(profile.walkSpeed).toBeLessThanOrEqual(0.9);
  });

  it('anyone 65+ caps walking at 0.9 m/s; adults alone walk at 1.2 m/s without rests', () => {
    expect(groupProfile([{ name: 'Sixty-six', age: 66, preferences: [] }]).walkSpeed).toBe(0.9);
    expect(groupProfile([ADULT])).toMatchObject({ walkSpeed: 1.2, restMinutes: 0, maxVisitsPerDay: 6 });
  });

  it('a toddler shortens legs and adds rests', () => {
    expect(groupProfile([ADULT, { name: 'Kid', age: 3, preferences: [] }])).toMatchObject({
      maxVisitsPerDay: 4,
      maxWalkLegMeters: 800,
      restMinutes: 15,
      hasChildren: true,
    });
  });
});

describe('bayesianRating', () => {
  it('trusts many reviews and few reviews little', () => {
    expect(bayesianRating(5, 2, 4)).toBeCloseTo((2 * 5 + 25 * 4) / 27, 10);
    expect(bayesianRating(4.6, 3000, 4)).toBeGreaterThan(4.59);
    expect(bayesianRating(undefined, undefined, 3.9)).toBe(3.9);
    expect(bayesianRating(4.6, 3000, 4)).toBeGreaterThan(bayesianRating(5, 2, 4));
  });
});

describe('preferenceMatcher', () => {
  it('maps words in English and Korean to themes, and matches whole words only', () => {
    const museum = makePlace({ category: 'culture', name: 'National Museum', categories: ['museum'] });
    const party = makePlace({ category: 'activity', name: 'Party house', categories: ['event venue'] });
    expect(preferenceMatcher('Museums').matches(museum)).toBe(true);
    expect(
      preferenceMatcher('박물관').matches(makePlace({ category: 'culture', name: '국립중앙박물관' })),
    ).toBe(true);
    expect(preferenceMatcher('art').matches(party)).toBe(false);
    expect(
      preferenceMatcher('karaoke').matches(makePlace({ category: 'activity', name: 'Karaoke Star' })),
    ).toBe(true);
  });

  it('takes a one-syllable Korean word only as a word: 회 (raw fish) is not in 전시회 or 회화', () => {
    const sashimi = makePlace({ category: 'restaurant', name: '바다횟집', categories: ['회'] });
    const temple = makePlace({ category: 'culture', name: '조계사', categories: ['사찰'] });
    const gallery = makePlace({ category: 'culture', name: '국립현대미술관', categories: ['미술관'] });
    expect(preferenceMatcher('회').matches(sashimi)).toBe(true);
    expect(preferenceMatcher('신선한 회를 먹고 싶어요').matches(sashimi)).toBe(true);
    expect(preferenceMatcher('전시회').matches(sashimi)).toBe(false);
    expect(preferenceMatcher('회화 작품').matches(sashimi)).toBe(false);
    for (const dish of ['물회 먹고 싶어요', '생선회', '활어회', '모둠회', '횟집'])
      expect(preferenceMatcher(dish).matches(sashimi), dish).toBe(true);
    expect(preferenceMatcher('회의 없는 여행').matches(sashimi)).toBe(false);
    expect(preferenceMatcher('절에서 템플스테이').matches(temple)).toBe(true);
    expect(preferenceMatcher('절벽 풍경').matches(temple)).toBe(false);
    expect(preferenceMatcher('계절 꽃').matches(temple)).toBe(false);
    // Children's places are found by name whatever their kind; a museum as such is not one.
    const teddy = makePlace({ category: 'culture', name: '테디베어뮤지엄 제주', categories: ['박물관'] });
    const national = makePlace({ category: 'culture', name: '국립제주박물관', categories: ['박물관'] });
    expect(preferenceMatcher('아이').matches(teddy)).toBe(true);
    expect(preferenceMatcher('아이').matches(national)).toBe(false);
    for (const [name, category] of [
      ['해피어린이집', 'activity'],
      ['서울어린이병원', 'activity'],
      ['어린이 한우 식당', 'restaurant'],
    ] as const)
      expect(preferenceMatcher('아이').matches(makePlace({ category, name })), name).toBe(false);
    // An exhibition lover still gets what the words say: no theme, so the place's own labels decide.
    expect(preferenceMatcher('미술 전시회').matches(gallery)).toBe(true);
  });
});

describe('scoreCandidates', () => {
  const wheelchair = groupProfile([
    { name: 'W', age: 40, health: { mobility: 'wheelchair' }, preferences: [] },
  ]);

  it('excludes what the data says the group cannot do, with the reason', () => {
    const ramp = makePlace({ category: 'culture', wheelchairAccessible: true });
    const stairs = makePlace({ category: 'culture', wheelchairAccessible: false });
    const trail = makePlace({ category: 'nature', name: 'Bukhansan hiking trail' });
    const hotel = makePlace({ category: 'lodging' });
    const result = scoreCandidates([ramp, stairs, trail, hotel], [], wheelchair);
    expect(result.visits.map((v) => v.place.id)).toEqual([ramp.id]);
    expect(result.excluded).toEqual([
      { placeId: stairs.id, name: stairs.name, reason: 'not_step_free', code: 'not_step_free', index: 1 },
      {
        placeId: trail.id,
        name: trail.name,
        reason: 'strenuous_mobility',
        code: 'strenuous_mobility',
        index: 2,
      },
      { placeId: hotel.id, name: hotel.name, reason: 'lodging is not a visit', index: 3 },
    ]);
  });

  it('keeps bars away from children', () => {
    const bar = makePlace({ category: 'activity', name: 'Wine Bar 7' });
    const family = groupProfile([ADULT, { name: 'Kid', age: 8, preferences: [] }]);
    expect(scoreCandidates([bar], [], family).excluded[0]?.code).toBe('adults_only');
    expect(scoreCandidates([bar], [], groupProfile([ADULT])).visits).toHaveLength(1);
  });

  it('ranks preference matches and well-reviewed places higher, and unknown hours lower', () => {
    const museum = makePlace({ category: 'culture', name: 'City Museum', rating: 4.0 });
    const mall = makePlace({ category: 'shopping', name: 'Mall', rating: 4.0 });
    const famous = makePlace({ category: 'nature', name: 'Famous Park', rating: 4.8, ratingCount: 5000 });
    const unknown = makePlace({
      category: 'attraction',
      name: 'Tower',
      rating: 4.8,
      ratingCount: 5000,
      openingHours: undefined,
    });
    const { visits } = scoreCandidates([museum, mall, famous, unknown], [ADULT], groupProfile([ADULT]));
    const score = (id: string) => visits.find((v) => v.place.id === id)!.score;
    expect(score(museum.id)).toBeGreaterThan(score(mall.id));
    expect(visits.find((v) => v.place.id === museum.id)!.matchedPreferences).toEqual(['museums']);
    expect(score(famous.id)).toBeGreaterThan(score(mall.id));
    expect(score(famous.id) - score(unknown.id)).toBeCloseTo(5, 10);
  });

  it('applies an LLM ranking only for candidate ids and counts the invented ones', () => {
    const a = makePlace({ category: 'culture', name: 'A' });
    const b = makePlace({ category: 'nature', name: 'B' });
    const plain = scoreCandidates([a, b], [], groupProfile([ADULT]));
    const ranked = scoreCandidates([a, b], [], groupProfile([ADULT]), [
      'google:invented',
      b.id,
      a.id,
      'evil:1',
    ]);
    expect(ranked.rankingIdsIgnored).toBe(2);
    const bScore = (r: typeof plain) => r.visits.find((v) => v.place.id === b.id)!.score;
    expect(bScore(ranked)).toBeGreaterThan(bScore(plain));
    expect(ranked.visits[0]!.place.id).toBe(b.id);
  });
});

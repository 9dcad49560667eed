import type { OpeningPeriod, Place, PlaceCategory } from '../../../src/shared/domain/place.js';
import type { MatrixCell } from '../../../src/shared/domain/route.js';
import { estimateCell } from '../../../src/shared/planner/estimateTravel.js';
import type { PlanMember, PlanRequest, PlanTrip } from '../../../src/shared/planner/planTypes.js';
import { SeededRandom } from '../../../src/shared/planner/solvers/seededRandom.js';

/** One generated trip and what makes it interesting. */
export interface Scenario {
  readonly name: string;
  readonly request: PlanRequest;
}

const CITIES = [
  { name: 'seoul', lat: 37.5665, lng: 126.978 },
  { name: 'busan', lat: 35.1796, lng: 129.0756 },
  { name: 'jeju', lat: 33.4996, lng: 126.5312 },
  { name: 'tokyo', lat: 35.6812, lng: 139.7671 },
  { name: 'paris', lat: 48.8566, lng: 2.3522 },
] as const;

const VISIT_CATEGORIES: PlaceCategory[] = ['attraction', 'culture', 'nature', 'shopping', 'activity', 'cafe'];
const LABELS: Record<string, string[]> = {
  attraction: ['landmark', 'observatory', 'tower', 'theme park'],
  culture: ['museum', 'palace', 'temple', 'art gallery'],
  nature: ['park', 'garden', 'beach', 'hiking trail'],
  shopping: ['market', 'mall', 'department store'],
  activity: ['aquarium', 'zoo', 'experience center', 'bar'],
  cafe: ['cafe', 'dessert'],
};
const PREFERENCES = [
  'museums',
  'history',
  'nature',
  'food',
  'shopping',
  'kids',
  'art',
  'cafe',
  'hiking',
  'beach',
  'nightlife',
  '박물관',
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const everyDay = (open: number, close: number, except: number[] = []): OpeningPeriod[] =>
  [0, 1, 2, 3, 4, 5, 6]
    .filter((d) => !except.includes(d))
    .map((day) => ({ day, open: hhmm(open), close: hhmm(close) }));

/** Opening-hour patterns: ordinary, closed Mondays, tight, split by a break, past midnight, 24 h, unknown. */
function openingHours(random: SeededRandom, unknownShare: number, tightShare: number): Place['openingHours'] {
  const roll = random.next();
  if (roll < unknownShare) return undefined;
  const pattern = random.next();
  if (pattern < tightShare) {
    const open = 9 * 60 + 30 * random.int(14);
    return { periods: everyDay(open, open + 90 + 30 * random.int(3)) };
  }
  if (pattern < tightShare + 0.2) return { periods: everyDay(10 * 60, 18 * 60, [1]) };
  if (pattern < tightShare + 0.3)
    return { periods: [...everyDay(10 * 60, 12 * 60), ...everyDay(13 * 60, 17 * 60 + 30)] };
  if (pattern < tightShare + 0.37) {
    return {
      periods: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
        day,
        open: '17:00',
        close: '02:00',
        closeDay: (day + 1) % 7,
      })),
    };
  }
  if (pattern < tightShare + 0.42) return { periods: everyDay(0, 24 * 60) };
  return {
    periods: everyDay(
      9 * 60 + 30 * random.int(3),
      17 * 60 + 30 * random.int(6),
      random.next() < 0.15 ? [random.int(7)] : [],
    ),
  };
}

function restaurantHours(random: SeededRandom, unknownShare: number): Place['openingHours'] {
  if (random.next() < unknownShare) return undefined;
  const pattern = random.next();
  if (pattern < 0.25) return { periods: [...everyDay(11 * 60 + 30, 15 * 60), ...everyDay(17 * 60, 22 * 60)] };
  if (pattern < 0.35) return { periods: everyDay(11 * 60, 21 * 60, [0]) };
  if (pattern < 0.45) return { periods: everyDay(17 * 60, 23 * 60) };
  return { periods: everyDay(10 * 60 + 30, 21 * 60 + 30) };
}

function member(random: SeededRandom, index: number, mobilityShare: number): PlanMember {
  const roll = random.next();
  const age = roll < 0.2 ? 3 + random.int(9) : roll < 0.7 ? 18 + random.int(47) : 65 + random.int(21);
  const mobilityRoll = random.next();
  const mobility =
    mobilityRoll < mobilityShare / 2 ? 'wheelchair' : mobilityRoll < mobilityShare ? 'limited' : 'full';
  const preferences = Array.from(
    { length: 1 + random.int(3) },
    () => PREFERENCES[random.int(PREFERENCES.length)]!,
  );
  return { name: `m${index}`, age, health: { mobility }, preferences: [...new Set(preferences)] };
}

function place(
  random: SeededRandom,
  id: string,
  category: PlaceCategory,
  centre: { lat: number; lng: number },
  radius: number,
): Omit<Place, 'openingHours'> {
  const distance = radius * Math.sqrt(random.next());
  const angle = 2 * Math.PI * random.next();
  const label =
    category === 'restaurant' ? 'restaurant' : LABELS[category]![random.int(LABELS[category]!.length)]!;
  const accessible = random.next();
  return {
    id: `google:${id}`,
    provider: 'google',
    name: `${label} ${id}`,
    category,
    categories: [label],
    location: {
      lat: centre.lat + (distance * Math.sin(angle)) / 111_320,
      lng: centre.lng + (distance * Math.cos(angle)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)),
    },
    address: `${id} street`,
    rating: Math.round((3 + 2 * random.next()) * 10) / 10,
    ratingCount: Math.floor(random.next() ** 3 * 3000),
    ...(accessible < 0.6
      ? { wheelchairAccessible: true }
      : accessible < 0.75
        ? { wheelchairAccessible: false }
        : {}),
  };
}

/** A provider-like matrix: estimates with ±15 % deterministic noise, marked as not estimated. */
function providerMatrix(
  random: SeededRandom,
  points: { lat: number; lng: number }[],
  mode: 'car' | 'transit',
): MatrixCell[][] {
  return points.map((a) =>
    points.map((b) => {
      const cell = estimateCell(a, b, mode);
      const noise = 0.85 + 0.3 * random.next();
      return {
        distanceMeters: cell.distanceMeters,
        durationSeconds: Math.round(cell.durationSeconds * noise),
        estimated: false,
      };
    }),
  );
}

/** Fixed sizes for a scenario (the CPU-time case pins 3 days and 60 candidates). */
export interface ScenarioShape {
  readonly days?: number;
  readonly visits?: number;
  readonly restaurants?: number;
}

/**
 * `count` trip scenarios from one seed: 1–7 days, 1–8 travellers of mixed ages and mobility, dense
 * walkable cities and sparse car trips, places with tight or missing hours. Same seed, same trips.
 */
export function generateScenarios(count: number, seed: number): Scenario[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, k) => generateScenario(k, random));
}

/** Scenario number `k` drawn from `random` (k picks the city, density, mode and group size). */
export function generateScenario(k: number, random: SeededRandom, shape: ScenarioShape = {}): Scenario {
  {
    const dense = k % 2 === 0;
    const days = shape.days ?? 1 + (k % 7);
    const travellers = 1 + ((k * 5) % 8);
    const city = CITIES[k % CITIES.length]!;
    const radius = dense ? 2_500 + random.int(1_500) : 10_000 + random.int(10_000);
    const visitCount = shape.visits ?? Math.min(60, 12 + days * 6 + random.int(10));
    const restaurantCount = shape.restaurants ?? (dense ? 12 + random.int(10) : 6 + random.int(6));
    const unknownShare = k % 5 === 0 ? 0.35 : 0.12;
    const tightShare = k % 3 === 0 ? 0.35 : 0.1;
    const places: Place[] = [];
    for (let i = 0; i < visitCount; i++) {
      const category = VISIT_CATEGORIES[random.int(VISIT_CATEGORIES.length)]!;
      const hours = openingHours(random, unknownShare, tightShare);
      places.push({
        ...place(random, `s${k}v${i}`, category, city, radius),
        ...(hours ? { openingHours: hours } : {}),
      });
    }
    for (let i = 0; i < restaurantCount; i++) {
      const hours = restaurantHours(random, unknownShare / 2);
      places.push({
        ...place(random, `s${k}r${i}`, 'restaurant', city, radius * 0.8),
        ...(hours ? { openingHours: hours } : {}),
      });
    }
    const lateStart = days === 1 && k % 4 === 0;
    const mode: PlanTrip['transport']['mode'] = dense
      ? (['walk', 'transit', 'mixed'] as const)[k % 3]!
      : k % 4 === 1
        ? 'transit'
        : 'car';
    const trip: PlanTrip = {
      startDate: `2025-0${1 + (k % 9)}-${String(3 + (k % 20)).padStart(2, '0')}`,
      endDate: '',
      dailyStart: lateStart ? '14:00' : (['09:00', '09:30', '10:00', '08:30'] as const)[k % 4]!,
      dailyEnd: (['20:00', '21:00', '21:30', '19:30'] as const)[(k >> 1) % 4]!,
      accommodation: { name: `hotel ${k}`, lat: city.lat + 0.002, lng: city.lng - 0.002 },
      transport: { mode },
      members: Array.from({ length: travellers }, (_, i) => member(random, i, k % 4 === 2 ? 0.5 : 0.1)),
      language: 'en',
    };
    const start = new Date(`${trip.startDate}T00:00:00Z`);
    const endDate = new Date(start.getTime() + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const points = [trip.accommodation, ...places.map((p) => p.location)];
    const primary = mode === 'car' ? 'car' : 'transit';
    return {
      name: `s${String(k).padStart(2, '0')} ${city.name} ${dense ? 'dense' : 'sparse'} ${days}d ${travellers}p ${mode}${lateStart ? ' late-start' : ''}`,
      request: {
        trip: { ...trip, endDate },
        places,
        matrices: { [primary]: providerMatrix(random, points, primary) },
      },
    };
  }
}

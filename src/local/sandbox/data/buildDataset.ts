import { createHash } from 'node:crypto';

import { parseHoursText } from '../dataset/openingHoursText.js';
import { SANDBOX_NOTICE, type SandboxDatasetFile, type SandboxPlace } from '../dataset/SandboxPlace.js';
import type { PlaceSourceRow } from './parsePlaceSource.js';
import { PLACE_KINDS } from './placeKinds.js';

export type SandboxCity = SandboxPlace['city'];

const KAKAO_GROUP_NAMES: Readonly<Record<string, string>> = {
  AT4: '관광명소',
  CT1: '문화시설',
  FD6: '음식점',
  CE7: '카페',
  AD5: '숙박',
};

/** Full names of the provinces the dataset covers (Kakao addresses abbreviate them). */
const PROVINCES: Readonly<Record<string, { name: string; code: string }>> = {
  서울: { name: '서울특별시', code: '11' },
  부산: { name: '부산광역시', code: '26' },
  제주특별자치도: { name: '제주특별자치도', code: '50' },
};

/** A stable Google-style id ("ChIJ" + 23 base64url characters) derived from the Kakao id. */
export function googleIdFor(kakaoId: string): string {
  return `ChIJ${createHash('sha256').update(`tripgen-sandbox:${kakaoId}`).digest('base64url').slice(0, 23)}`;
}

const digits = (text: string, length: number) =>
  String(parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) % 10 ** length).padStart(length, '0');

/** Region names from a Korean address ("서울 종로구 무악동 산 2"); the code is made up but stable. */
function regionOf(addressKo: string): SandboxPlace['region'] {
  const [province, district = '', third = ''] = addressKo.split(' ');
  const known = PROVINCES[province ?? ''];
  if (!known) throw new Error(`no province for Korean address "${addressKo}"`);
  const level3 = /(동|읍|면|가|리)$/.test(third) ? third : '';
  const code = `${known.code}${digits(district, 3)}${level3 ? digits(`${district} ${level3}`, 5) : '00000'}`;
  return { level1: known.name, level2: district, level3, code };
}

function expand(row: PlaceSourceRow, city: SandboxCity): SandboxPlace {
  const kind = PLACE_KINDS[row.kind];
  const [groupCode = '', categoryName = ''] = kind.kakao.split('|');
  const korea = city !== 'tokyo';
  const kakaoLabels = categoryName.split(/[>,]/).map((label) => label.trim());
  return {
    kakaoId: row.kakaoId,
    googleId: googleIdFor(row.kakaoId),
    city,
    countryCode: korea ? 'KR' : 'JP',
    kind: row.kind,
    category: kind.category,
    name: { ko: row.nameKo, en: row.nameEn },
    ...(row.localizedNames ? { localizedNames: row.localizedNames } : {}),
    address: { ko: row.addressKo, en: row.addressEn },
    ...(korea ? { region: regionOf(row.addressKo) } : {}),
    location: { lat: row.lat, lng: row.lng },
    kakao: { groupCode, groupName: KAKAO_GROUP_NAMES[groupCode] ?? '', categoryName },
    google: { primaryType: kind.google[0]!, types: [...kind.google, 'point_of_interest', 'establishment'] },
    rating: row.rating,
    ratingCount: row.ratingCount,
    ...(row.priceLevel === undefined ? {} : { priceLevel: row.priceLevel }),
    ...(row.phone === undefined ? {} : { phone: row.phone }),
    ...(row.hours === undefined ? {} : { hoursText: row.hours, openingHours: parseHoursText(row.hours) }),
    ...(row.wheelchairAccessible === undefined ? {} : { wheelchairAccessible: row.wheelchairAccessible }),
    keywords: {
      ko: [...new Set([...kind.ko, ...kakaoLabels])],
      en: [...new Set([...kind.en, ...kind.google.map((type) => type.replaceAll('_', ' '))])],
    },
    // Korea and Japan are both UTC+9 with no daylight saving time.
    utcOffsetMinutes: 540,
  };
}

/** The dataset file from the parsed source tables, in a stable order; throws on duplicate ids. */
export function buildDataset(sources: ReadonlyArray<{ city: SandboxCity; rows: readonly PlaceSourceRow[] }>): SandboxDatasetFile {
  const places = sources.flatMap(({ city, rows }) => rows.map((row) => expand(row, city)));
  const seen = new Set<string>();
  for (const place of places) {
    if (seen.has(place.kakaoId)) throw new Error(`duplicate kakao id ${place.kakaoId}`);
    seen.add(place.kakaoId);
  }
  return {
    _notice: SANDBOX_NOTICE,
    generatedBy: 'npx tsx src/local/sandbox/data/generateDataset.ts (from data/sources/*.txt)',
    places,
  };
}

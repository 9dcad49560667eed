import type { SandboxPlace } from '../dataset/SandboxPlace.js';

/** Kakao writes provinces short in addresses ("서울 종로구"); accept the long forms in queries too. */
const PROVINCE_ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/서울특별시|서울시/g, '서울'],
  [/부산광역시|부산시/g, '부산'],
  [/제주도(?!특)/g, '제주특별자치도'],
];

const squeeze = (text: string) =>
  PROVINCE_ALIASES.reduce((t, [pattern, short]) => t.replace(pattern, short), text.normalize('NFC')).replace(
    /\s+/g,
    '',
  );

const shortProvince = (address: string) => address.split(' ')[0] ?? '';

function regionPart(place: SandboxPlace, x: string, y: string) {
  const region = place.region!;
  return {
    address_name: place.address.ko,
    region_1depth_name: shortProvince(place.address.ko),
    region_2depth_name: region.level2,
    region_3depth_name: region.level3,
    region_3depth_h_name: region.level3,
    h_code: region.code,
    b_code: region.code,
    mountain_yn: place.address.ko.includes(' 산 ') ? 'Y' : 'N',
    main_address_no: '',
    sub_address_no: '',
    x,
    y,
  };
}

function roadAddressDocument(place: SandboxPlace) {
  const x = String(place.location.lng);
  const y = String(place.location.lat);
  const [, , roadName = '', buildingNo = ''] = place.address.ko.split(' ');
  const [main = '', sub = ''] = buildingNo.split('-');
  return {
    address_name: place.address.ko,
    address_type: 'ROAD_ADDR',
    x,
    y,
    address: regionPart(place, x, y),
    road_address: {
      address_name: place.address.ko,
      region_1depth_name: shortProvince(place.address.ko),
      region_2depth_name: place.region!.level2,
      region_3depth_name: place.region!.level3,
      road_name: roadName,
      underground_yn: 'N',
      main_building_no: main,
      sub_building_no: sub,
      building_name: place.name.ko,
      zone_no: '',
      x,
      y,
    },
  };
}

/**
 * Kakao address-search documents for `query` over the Korean places: a district query ("서울 종로구",
 * "종로구") gives one REGION document at the centre of its places; otherwise every distinct address
 * that contains the query (`similar`) or equals it (`exact`), ignoring spaces.
 */
export function toKakaoAddressDocuments(
  places: readonly SandboxPlace[],
  query: string,
  exact: boolean,
): unknown[] {
  const wanted = squeeze(query);
  const korean = places.filter((p) => p.region);
  const inDistrict = korean.filter((p) => {
    const district = p.region!.level2;
    return wanted === squeeze(district) || wanted === squeeze(`${shortProvince(p.address.ko)} ${district}`);
  });
  if (inDistrict.length > 0) {
    const first = inDistrict[0]!;
    const lat = inDistrict.reduce((sum, p) => sum + p.location.lat, 0) / inDistrict.length;
    const lng = inDistrict.reduce((sum, p) => sum + p.location.lng, 0) / inDistrict.length;
    const name = `${shortProvince(first.address.ko)} ${first.region!.level2}`;
    const x = lng.toFixed(6);
    const y = lat.toFixed(6);
    return [
      {
        address_name: name,
        address_type: 'REGION',
        x,
        y,
        address: {
          ...regionPart(first, x, y),
          address_name: name,
          region_3depth_name: '',
          region_3depth_h_name: '',
        },
        road_address: null,
      },
    ];
  }
  const seen = new Set<string>();
  return korean
    .filter((p) => (exact ? squeeze(p.address.ko) === wanted : squeeze(p.address.ko).includes(wanted)))
    .filter((p) => !seen.has(p.address.ko) && seen.add(p.address.ko))
    .map(roadAddressDocument);
}

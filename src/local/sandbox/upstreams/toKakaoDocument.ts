import { haversineMeters } from '../../../shared/domain/geo.js';
import type { LatLng } from '../../../shared/domain/place.js';
import type { SandboxPlace } from '../dataset/SandboxPlace.js';

/** A dataset place as a Kakao Local search document (strings for x/y/distance, as Kakao sends them). */
export function toKakaoDocument(place: SandboxPlace, center: LatLng | undefined) {
  return {
    id: place.kakaoId,
    place_name: place.name.ko,
    category_name: place.kakao.categoryName,
    category_group_code: place.kakao.groupCode,
    category_group_name: place.kakao.groupName,
    phone: place.phone ?? '',
    address_name: place.address.ko,
    road_address_name: place.address.ko,
    x: String(place.location.lng),
    y: String(place.location.lat),
    place_url: `http://place.map.kakao.com/${place.kakaoId}`,
    distance: center ? String(Math.round(haversineMeters(center, place.location))) : '',
  };
}

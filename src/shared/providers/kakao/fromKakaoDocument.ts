import { type Place, toPlaceId } from '../../domain/place.js';
import { categoryFromKakao, kakaoCategoryLabels } from './kakaoCategories.js';
import type { KakaoPlaceDocument } from './kakaoLocalSchemas.js';

/**
 * A Kakao Local place as a normalized Place. Kakao Local has no opening hours, ratings or prices, so
 * those stay absent (unknown, not "always open"); the road address is preferred when Kakao has one.
 */
export function fromKakaoDocument(doc: Readonly<KakaoPlaceDocument>): Place {
  const labels = kakaoCategoryLabels(doc.category_name).reverse();
  const categories = doc.category_group_code ? [...labels, doc.category_group_code] : labels;
  return {
    id: toPlaceId('kakao', doc.id),
    provider: 'kakao',
    name: doc.place_name,
    category: categoryFromKakao(doc.category_group_code, doc.category_name),
    categories,
    location: { lat: Number(doc.y), lng: Number(doc.x) },
    address: doc.road_address_name || doc.address_name,
    ...(doc.phone ? { phone: doc.phone } : {}),
    ...(doc.place_url ? { url: doc.place_url } : {}),
    ...(doc.distance ? { distanceMeters: Number(doc.distance) } : {}),
  };
}

import type { GeocodeResult, ReverseGeocodeResult } from '../geocoding/GeocodeResult.js';
import type { KakaoAddressDocument, KakaoRegionDocument } from './kakaoLocalSchemas.js';

/** A Kakao address-search match as a geocode result; the road address is preferred when there is one. */
export function fromKakaoAddressDocument(doc: Readonly<KakaoAddressDocument>): GeocodeResult {
  return {
    location: { lat: Number(doc.y), lng: Number(doc.x) },
    address: doc.road_address?.address_name || doc.address_name,
    provider: 'kakao',
  };
}

/**
 * Kakao coord2regioncode documents as one reverse-geocode result. The legal region (`B`) is used
 * when present because postal addresses use it; the administrative one (`H`) otherwise.
 * `undefined` when Kakao knows no region there (outside Korea, at sea).
 */
export function fromKakaoRegionDocuments(
  docs: readonly KakaoRegionDocument[],
): ReverseGeocodeResult | undefined {
  const region = docs.find((doc) => doc.region_type === 'B') ?? docs[0];
  if (!region) return undefined;
  const regions = [
    region.region_1depth_name,
    region.region_2depth_name,
    region.region_3depth_name,
    region.region_4depth_name,
  ].filter((name) => name !== '');
  return { address: region.address_name, provider: 'kakao', regions, regionCode: region.code };
}

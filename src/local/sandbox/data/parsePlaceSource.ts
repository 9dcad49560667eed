import type { ExtraNameLanguage } from './parseNameSource.js';
import { PLACE_KINDS, type PlaceKindName } from './placeKinds.js';

/** One row of a `sources/<city>.txt` table, checked but not yet expanded. */
export interface PlaceSourceRow {
  kakaoId: string;
  nameKo: string;
  nameEn: string;
  kind: PlaceKindName;
  lat: number;
  lng: number;
  addressKo: string;
  addressEn: string;
  rating: number;
  ratingCount: number;
  priceLevel?: number;
  phone?: string;
  hours?: string;
  wheelchairAccessible?: boolean;
  /** From `sources/names.txt`: names in languages other than Korean and English. */
  localizedNames?: Partial<Record<ExtraNameLanguage, string>>;
}

const COLUMNS = 12;

function fail(file: string, line: number, message: string): never {
  throw new Error(`${file}:${line}: ${message}`);
}

/**
 * Read a `|`-separated place table (see the header of `sources/seoul.txt`). Blank lines and `#`
 * comments are skipped; a malformed row throws with its file and line.
 */
export function parsePlaceSource(file: string, text: string): PlaceSourceRow[] {
  const rows: PlaceSourceRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('|').map((cell) => cell.trim());
    if (cells.length !== COLUMNS) fail(file, line, `expected ${COLUMNS} columns, got ${cells.length}`);
    const [kakaoId, nameKo, nameEn, kind, latLng, addressKo, addressEn, ratingText, price, phone, hours, flags] =
      cells as [string, string, string, string, string, string, string, string, string, string, string, string];
    if (!/^\d{8}$/.test(kakaoId)) fail(file, line, `bad kakao id "${kakaoId}"`);
    if (!Object.hasOwn(PLACE_KINDS, kind)) fail(file, line, `unknown kind "${kind}"`);
    const [lat, lng] = latLng.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) fail(file, line, `bad coordinates "${latLng}"`);
    const [rating, ratingCount] = ratingText.split('/').map(Number);
    if (!(rating! >= 1 && rating! <= 5) || !Number.isInteger(ratingCount)) fail(file, line, `bad rating "${ratingText}"`);
    if (price !== '' && !/^[0-4]$/.test(price)) fail(file, line, `bad price level "${price}"`);
    if (flags !== '' && flags !== 'wc' && flags !== 'nowc') fail(file, line, `bad flags "${flags}"`);
    rows.push({
      kakaoId,
      nameKo,
      nameEn,
      kind: kind as PlaceKindName,
      lat: lat!,
      lng: lng!,
      addressKo,
      addressEn,
      rating: rating!,
      ratingCount: ratingCount!,
      ...(price === '' ? {} : { priceLevel: Number(price) }),
      ...(phone === '' ? {} : { phone }),
      ...(hours === '' ? {} : { hours }),
      ...(flags === '' ? {} : { wheelchairAccessible: flags === 'wc' }),
    });
  });
  return rows;
}

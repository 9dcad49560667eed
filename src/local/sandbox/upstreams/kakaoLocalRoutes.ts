import { haversineMeters } from '../../../shared/domain/geo.js';
import type { LatLng } from '../../../shared/domain/place.js';
import type { SandboxPlace } from '../dataset/SandboxPlace.js';
import { SANDBOX_NOTICE } from '../dataset/SandboxPlace.js';
import type { SandboxContext, SandboxHandler, SandboxRequest, SandboxResponse } from '../sandboxHttp.js';
import { toKakaoAddressDocuments } from './kakaoAddressDocuments.js';
import { intParam, kakaoLocalError, kakaoOk } from './kakaoAnswers.js';
import { matchScore, queryTokens } from './keywordMatch.js';
import { toKakaoDocument } from './toKakaoDocument.js';

const GROUP_CODES = new Set([
  'MT1',
  'CS2',
  'PS3',
  'SC4',
  'AC5',
  'PK6',
  'OL7',
  'SW8',
  'BK9',
  'CT1',
  'AG2',
  'PO3',
  'AT4',
  'AD5',
  'FD6',
  'CE7',
  'HP8',
  'PM9',
]);
/** Kakao serves at most 45 documents of a search, whatever `total_count` says. */
const MAX_PAGEABLE = 45;

const invalid = (name: string) => kakaoLocalError(400, 'InvalidArgument', `${name} is invalid`);
const missing = (name: string) => kakaoLocalError(400, 'MissingParameter', `${name} parameter required`);

interface SearchArea {
  center?: LatLng;
  radius?: number;
  rect?: [number, number, number, number];
}

/** x/y/radius/rect, or the 400 Kakao gives for them. */
function readArea(url: URL): { area: SearchArea } | { error: SandboxResponse } {
  const x = url.searchParams.get('x');
  const y = url.searchParams.get('y');
  const area: SearchArea = {};
  if (x !== null || y !== null) {
    const lng = Number(x);
    const lat = Number(y);
    if (x === null || x === '' || !Number.isFinite(lng)) return { error: invalid('x') };
    if (y === null || y === '' || !Number.isFinite(lat)) return { error: invalid('y') };
    area.center = { lat, lng };
    if (url.searchParams.has('radius')) {
      const radius = intParam(url, 'radius', 0, 20_000, 0);
      if (radius === undefined) return { error: invalid('radius') };
      area.radius = radius;
    }
  }
  const rect = url.searchParams.get('rect');
  if (rect !== null) {
    const parts = rect.split(',').map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return { error: invalid('rect') };
    area.rect = parts as [number, number, number, number];
  }
  return { area };
}

function inArea(place: SandboxPlace, area: SearchArea): boolean {
  if (area.center && area.radius !== undefined && haversineMeters(area.center, place.location) > area.radius)
    return false;
  if (area.rect) {
    const [minX, minY, maxX, maxY] = area.rect;
    const { lat, lng } = place.location;
    if (lng < minX || lng > maxX || lat < minY || lat > maxY) return false;
  }
  return true;
}

/**
 * The shared part of keyword and category search: area filter, accuracy or distance order, and
 * Kakao's paging (`page` 1–45, `size` 1–15, at most 45 documents pageable).
 */
function searchPlaces(
  req: SandboxRequest,
  ctx: SandboxContext,
  score: (place: SandboxPlace) => number,
  sameName: unknown,
): SandboxResponse {
  const read = readArea(req.url);
  if ('error' in read) return read.error;
  const a = read.area;
  const page = intParam(req.url, 'page', 1, 45, 1);
  const size = intParam(req.url, 'size', 1, 15, 15);
  const sort = req.url.searchParams.get('sort') ?? 'accuracy';
  if (page === undefined) return invalid('page');
  if (size === undefined) return invalid('size');
  if (sort !== 'accuracy' && sort !== 'distance') return invalid('sort');

  const distanceTo = (p: SandboxPlace) => (a.center ? haversineMeters(a.center, p.location) : 0);
  const hits = ctx.dataset
    .all()
    .filter((p) => p.countryCode === 'KR' && inArea(p, a))
    .map((place) => ({ place, score: score(place), distance: distanceTo(place) }))
    .filter((hit) => hit.score > 0)
    .sort((l, r) =>
      sort === 'distance' && a.center
        ? l.distance - r.distance
        : r.score - l.score || r.place.ratingCount - l.place.ratingCount || l.distance - r.distance,
    );
  const pageable = Math.min(hits.length, MAX_PAGEABLE);
  const documents = hits.slice(Math.min((page - 1) * size, pageable), Math.min(page * size, pageable));
  return kakaoOk({
    meta: {
      total_count: hits.length,
      pageable_count: pageable,
      is_end: page * size >= pageable,
      ...(sameName === undefined ? {} : { same_name: sameName }),
      _notice: SANDBOX_NOTICE,
    },
    documents: documents.map((hit) => toKakaoDocument(hit.place, a.center)),
  });
}

const keywordSearch: SandboxHandler = (req, ctx) => {
  const query = req.url.searchParams.get('query')?.trim();
  if (!query) return missing('query');
  const code = req.url.searchParams.get('category_group_code') || undefined;
  if (code !== undefined && !GROUP_CODES.has(code)) return invalid('category_group_code');
  const tokens = queryTokens(query);
  return searchPlaces(
    req,
    ctx,
    (p) => (code !== undefined && p.kakao.groupCode !== code ? 0 : matchScore(p, tokens)),
    { region: [], keyword: query, selected_region: '' },
  );
};

const categorySearch: SandboxHandler = (req, ctx) => {
  const code = req.url.searchParams.get('category_group_code');
  if (!code) return missing('category_group_code');
  if (!GROUP_CODES.has(code)) return invalid('category_group_code');
  const hasCenter = req.url.searchParams.has('x') && req.url.searchParams.has('y');
  if (!hasCenter && !req.url.searchParams.has('rect')) return missing('x, y or rect');
  return searchPlaces(req, ctx, (p) => (p.kakao.groupCode === code ? 1 : 0), undefined);
};

const addressSearch: SandboxHandler = (req, ctx) => {
  const query = req.url.searchParams.get('query')?.trim();
  if (!query) return missing('query');
  const page = intParam(req.url, 'page', 1, 45, 1);
  const size = intParam(req.url, 'size', 1, 30, 10);
  if (page === undefined) return invalid('page');
  if (size === undefined) return invalid('size');
  const exact = req.url.searchParams.get('analyze_type') === 'exact';
  const all = toKakaoAddressDocuments(ctx.dataset.all(), query, exact);
  return kakaoOk({
    meta: {
      total_count: all.length,
      pageable_count: all.length,
      is_end: page * size >= all.length,
      _notice: SANDBOX_NOTICE,
    },
    documents: all.slice((page - 1) * size, page * size),
  });
};

/** The nearest place's region stands for the region at a point; none within 20 km → no documents. */
const coord2regioncode: SandboxHandler = (req, ctx) => {
  const x = req.url.searchParams.get('x');
  const y = req.url.searchParams.get('y');
  if (!x) return missing('x');
  if (!y) return missing('y');
  const point = { lng: Number(x), lat: Number(y) };
  if (!Number.isFinite(point.lng) || !Number.isFinite(point.lat))
    return invalid(Number.isFinite(point.lng) ? 'y' : 'x');
  let nearest: { place: SandboxPlace; distance: number } | undefined;
  for (const place of ctx.dataset.all()) {
    if (!place.region) continue;
    const distance = haversineMeters(point, place.location);
    if (!nearest || distance < nearest.distance) nearest = { place, distance };
  }
  const region = nearest && nearest.distance <= 20_000 ? nearest.place.region : undefined;
  const documents = region
    ? (['B', 'H'] as const).map((type) => ({
        region_type: type,
        code: type === 'B' ? region.code : `${region.code.slice(0, 7)}${type === 'H' ? '100' : '000'}`,
        address_name: [region.level1, region.level2, region.level3].filter(Boolean).join(' '),
        region_1depth_name: region.level1,
        region_2depth_name: region.level2,
        region_3depth_name: region.level3,
        region_4depth_name: '',
        x: point.lng,
        y: point.lat,
      }))
    : [];
  return kakaoOk({ meta: { total_count: documents.length }, documents });
};

/** Kakao Local paths → handlers. */
export const KAKAO_LOCAL_ROUTES: Readonly<Record<string, SandboxHandler>> = {
  '/v2/local/search/keyword.json': keywordSearch,
  '/v2/local/search/category.json': categorySearch,
  '/v2/local/search/address.json': addressSearch,
  '/v2/local/geo/coord2regioncode.json': coord2regioncode,
};

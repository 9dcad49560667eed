import { haversineMeters } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';

/** A visit candidate as the day split sees it. */
export interface SplitCandidate {
  readonly location: LatLng;
  readonly score: number;
  /** `openOn[d]`: whether it can be visited on trip day d at all. */
  readonly openOn: readonly boolean[];
}

/** Places this close to the accommodation fit any day: they belong to no sector. */
export const HUB_RADIUS_METERS = 700;
/** `homeDay` of a hub place. */
export const ANY_DAY = -1;

/**
 * Split candidates into days by geography around the accommodation: sort by bearing from the
 * accommodation, start the sweep at the widest empty angle (so a cluster is not cut in two), and
 * cut the sweep into `dayCount` sectors of about equal total score. Sectors are then given to
 * dates so that as much score as possible is open on its date (e.g. the sector holding a museum
 * closed on Mondays does not get the Monday). Returns each candidate's home day (or `ANY_DAY`).
 */
export function splitDays(
  accommodation: LatLng,
  candidates: readonly SplitCandidate[],
  dayCount: number,
): number[] {
  const homeDay = candidates.map(() => ANY_DAY);
  if (dayCount <= 1) return homeDay.map(() => 0);
  const away = candidates
    .map((candidate, index) => ({ index, candidate, angle: bearing(accommodation, candidate.location) }))
    .filter(({ candidate }) => haversineMeters(accommodation, candidate.location) > HUB_RADIUS_METERS)
    .sort((a, b) => a.angle - b.angle || a.index - b.index);
  if (away.length === 0) return homeDay;

  const sweep = rotateAfterWidestGap(away);
  const total = sweep.reduce((sum, item) => sum + item.candidate.score, 0);
  const sectors: number[][] = Array.from({ length: dayCount }, () => []);
  let sector = 0;
  let accumulated = 0;
  for (const item of sweep) {
    const boundary = (total * (sector + 1)) / dayCount;
    if (sector < dayCount - 1 && accumulated + item.candidate.score / 2 > boundary) sector++;
    sectors[sector]!.push(item.index);
    accumulated += item.candidate.score;
  }

  const dayOfSector = assignSectorsToDays(sectors, candidates, dayCount);
  sectors.forEach((members, s) => members.forEach((index) => (homeDay[index] = dayOfSector[s]!)));
  return homeDay;
}

/** Bearing in radians (−π, π] on a local equirectangular projection. */
function bearing(origin: LatLng, point: LatLng): number {
  const x = (point.lng - origin.lng) * Math.cos((origin.lat * Math.PI) / 180);
  const y = point.lat - origin.lat;
  return Math.atan2(y, x);
}

function rotateAfterWidestGap<T extends { angle: number }>(sorted: T[]): T[] {
  let widest = -1;
  let cut = 0;
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sorted[i + 1]!.angle : sorted[0]!.angle + 2 * Math.PI;
    const gap = next - sorted[i]!.angle;
    if (gap > widest) {
      widest = gap;
      cut = i + 1;
    }
  }
  return [...sorted.slice(cut), ...sorted.slice(0, cut)];
}

/** Best sector → day assignment by dynamic programming over subsets of days (exact up to 12 days). */
function assignSectorsToDays(
  sectors: number[][],
  candidates: readonly SplitCandidate[],
  dayCount: number,
): number[] {
  const value = sectors.map((members) =>
    Array.from({ length: dayCount }, (_, day) =>
      members.reduce(
        (sum, index) => sum + (candidates[index]!.openOn[day] ? candidates[index]!.score : 0),
        0,
      ),
    ),
  );
  if (dayCount > 12) return sectors.map((_, s) => s);
  const states = 1 << dayCount;
  const best = new Array<number>(states).fill(-Infinity);
  const choice = new Array<number>(states).fill(-1);
  best[0] = 0;
  for (let used = 0; used < states; used++) {
    const s = popcount(used);
    if (s >= sectors.length || best[used] === -Infinity) continue;
    for (let day = 0; day < dayCount; day++) {
      if (used & (1 << day)) continue;
      const next = used | (1 << day);
      const candidate = best[used]! + value[s]![day]!;
      // Strict ">" keeps the earliest-day choice among ties, so equal inputs give equal splits.
      if (candidate > best[next]!) {
        best[next] = candidate;
        choice[next] = day;
      }
    }
  }
  const dayOfSector = new Array<number>(sectors.length);
  for (let used = states - 1, s = sectors.length - 1; s >= 0; s--) {
    const day = choice[used]!;
    dayOfSector[s] = day;
    used &= ~(1 << day);
  }
  return dayOfSector;
}

function popcount(value: number): number {
  let count = 0;
  for (let v = value; v; v &= v - 1) count++;
  return count;
}

import type { GroupProfile } from './groupProfile.js';

/** A day holding this share of the group's daily sightseeing is a heavy day. */
const HEAVY_SHARE = 0.85;
/** The day after a heavy one holds at most this share (children, seniors, limited mobility). */
const LIGHT_SHARE = 0.75;
/** A trip whose lightest day holds less than this share of its busiest day is rebalanced. */
const LOPSIDED_SHARE = 0.7;
/** When rebalancing, no day holds more than the trip's mean day by this factor. */
const BALANCE_HEADROOM = 1.15;

/**
 * The most sightseeing minutes a day may hold: the group's daily cap, lower the day after a heavy
 * day for groups that tire (a lighter day after a heavy one), and at most `balanceLimit` when the
 * trip is being rebalanced.
 */
export function dayVisitLimit(
  profile: Pick<GroupProfile, 'maxVisitMinutesPerDay' | 'needsLighterDays'>,
  previousMinutes: number | undefined,
  balanceLimit?: number,
): number {
  const cap = profile.maxVisitMinutesPerDay;
  const tired =
    profile.needsLighterDays && previousMinutes !== undefined && previousMinutes >= HEAVY_SHARE * cap;
  const energy = tired ? Math.round(LIGHT_SHARE * cap) : cap;
  return balanceLimit === undefined ? energy : Math.min(energy, balanceLimit);
}

/**
 * The per-day cap that evens out a lopsided trip (a day of 2 visits next to a day of 7), or
 * `undefined` when its days are already comparable: the mean day plus headroom, so the busy days
 * leave places the light days can take.
 */
export function balanceLimit(visitMinutes: readonly number[]): number | undefined {
  if (visitMinutes.length < 2) return undefined;
  const busiest = Math.max(...visitMinutes);
  const lightest = Math.min(...visitMinutes);
  if (lightest >= LOPSIDED_SHARE * busiest) return undefined;
  const mean = visitMinutes.reduce((a, b) => a + b, 0) / visitMinutes.length;
  return Math.ceil(mean * BALANCE_HEADROOM);
}

/** Whether `next` spreads the days more evenly than `first` without losing much sightseeing. */
export function isBetterBalanced(first: readonly number[], next: readonly number[]): boolean {
  const total = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const spread = (list: readonly number[]) => Math.max(...list) - Math.min(...list);
  return total(next) >= 0.95 * total(first) && spread(next) < spread(first);
}

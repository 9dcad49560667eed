import { type Diet, noteNeeds } from './healthNotes.js';
import type { PlanMember } from './planTypes.js';

/**
 * The pace of the group, set by its most limited traveller: every cap is the minimum over the
 * members and every rest the maximum.
 */
export interface GroupProfile {
  readonly maxVisitsPerDay: number;
  /** Longest single walking leg, metres. */
  readonly maxWalkLegMeters: number;
  /** Most walking in a day, metres. */
  readonly maxWalkDayMeters: number;
  /** Rest after each visit, minutes. */
  readonly restMinutes: number;
  /** Walking speed used for walking legs, m/s (≤ 0.9 when anyone is 65 or older). */
  readonly walkSpeed: number;
  /** Multiplier on visit durations for slower groups. */
  readonly durationFactor: number;
  /** Most minutes of sightseeing (visit lengths, without meals and travel) in a day. */
  readonly maxVisitMinutesPerDay: number;
  /** Children, seniors or limited mobility: a heavy day is followed by a lighter one. */
  readonly needsLighterDays: boolean;
  readonly hasChildren: boolean;
  readonly hasSeniors: boolean;
  readonly hasLimitedMobility: boolean;
  readonly hasWheelchair: boolean;
  /** A child of 4 or younger. */
  readonly hasToddler: boolean;
  /** A traveller of 75 or older. */
  readonly hasVeryOld: boolean;
  /** Someone needs step-free access (wheelchair, "no stairs", a stroller). */
  readonly needsStepFree: boolean;
  /** Dietary needs from preferences and `health.notes`, for the whole table. */
  readonly diets: readonly Diet[];
}

interface Pace {
  visits: number;
  walkLeg: number;
  walkDay: number;
  rest: number;
  speed: number;
  durationFactor: number;
  /** Sightseeing minutes a day. */
  visitMinutes: number;
}

/** Adults with full mobility. */
const BASE_PACE: Pace = {
  visits: 6,
  walkLeg: 2_000,
  walkDay: 12_000,
  rest: 0,
  speed: 1.2,
  durationFactor: 1,
  visitMinutes: 480,
};

/**
 * Why each number: shorter legs and more rests for small children, seniors and limited mobility, and
 * fewer hours of sightseeing a day (a toddler's nap, a grandparent's stamina: 5–5½ h instead of 8).
 */
function paceOf(member: PlanMember): Pace {
  const paces: Pace[] = [BASE_PACE];
  if (member.age < 5)
    paces.push({
      visits: 4,
      walkLeg: 800,
      walkDay: 4_000,
      rest: 15,
      speed: 0.9,
      durationFactor: 1.2,
      visitMinutes: 330,
    });
  else if (member.age < 12)
    paces.push({
      visits: 5,
      walkLeg: 1_200,
      walkDay: 7_000,
      rest: 10,
      speed: 1.0,
      durationFactor: 1.1,
      visitMinutes: 420,
    });
  if (member.age >= 75)
    paces.push({
      visits: 4,
      walkLeg: 800,
      walkDay: 3_500,
      rest: 20,
      speed: 0.8,
      durationFactor: 1.2,
      visitMinutes: 300,
    });
  else if (member.age >= 65)
    paces.push({
      visits: 5,
      walkLeg: 1_200,
      walkDay: 6_000,
      rest: 15,
      speed: 0.9,
      durationFactor: 1.1,
      visitMinutes: 360,
    });
  const needs = noteNeeds(member);
  const mobility = member.health?.mobility ?? 'full';
  if (mobility === 'limited' || needs.limitedWalking || needs.stepFree)
    paces.push({
      visits: 4,
      walkLeg: 500,
      walkDay: 2_500,
      rest: 20,
      speed: 0.7,
      durationFactor: 1.2,
      visitMinutes: 300,
    });
  if (mobility === 'wheelchair')
    paces.push({
      visits: 4,
      walkLeg: 600,
      walkDay: 3_000,
      rest: 20,
      speed: 0.8,
      durationFactor: 1.2,
      visitMinutes: 330,
    });
  return {
    visits: Math.min(...paces.map((p) => p.visits)),
    walkLeg: Math.min(...paces.map((p) => p.walkLeg)),
    walkDay: Math.min(...paces.map((p) => p.walkDay)),
    rest: Math.max(...paces.map((p) => p.rest)),
    speed: Math.min(...paces.map((p) => p.speed)),
    durationFactor: Math.max(...paces.map((p) => p.durationFactor)),
    visitMinutes: Math.min(...paces.map((p) => p.visitMinutes)),
  };
}

/** The group's profile; an empty group travels at the adult pace. */
export function groupProfile(members: readonly PlanMember[]): GroupProfile {
  const paces = members.length > 0 ? members.map(paceOf) : [BASE_PACE];
  const needs = members.map(noteNeeds);
  return {
    maxVisitsPerDay: Math.min(...paces.map((p) => p.visits)),
    maxWalkLegMeters: Math.min(...paces.map((p) => p.walkLeg)),
    maxWalkDayMeters: Math.min(...paces.map((p) => p.walkDay)),
    restMinutes: Math.max(...paces.map((p) => p.rest)),
    walkSpeed: Math.min(...paces.map((p) => p.speed)),
    durationFactor: Math.max(...paces.map((p) => p.durationFactor)),
    maxVisitMinutesPerDay: Math.min(...paces.map((p) => p.visitMinutes)),
    needsLighterDays: members.some(
      (m, i) =>
        m.age < 12 ||
        m.age >= 65 ||
        (m.health?.mobility !== undefined && m.health.mobility !== 'full') ||
        needs[i]!.limitedWalking,
    ),
    hasChildren: members.some((m) => m.age < 12),
    hasSeniors: members.some((m) => m.age >= 65),
    hasLimitedMobility: members.some((m, i) => m.health?.mobility === 'limited' || needs[i]!.limitedWalking),
    hasWheelchair: members.some((m) => m.health?.mobility === 'wheelchair'),
    hasToddler: members.some((m) => m.age <= 4),
    hasVeryOld: members.some((m) => m.age >= 75),
    needsStepFree: members.some((m, i) => m.health?.mobility === 'wheelchair' || needs[i]!.stepFree),
    diets: [...new Set(needs.flatMap((n) => n.diets))],
  };
}

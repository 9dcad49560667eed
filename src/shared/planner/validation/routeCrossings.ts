import type { LatLng } from '../../domain/place.js';

/**
 * Pairs of legs of a closed route that cross, on a local flat projection. Leg k joins point k
 * and k + 1. Adjacent legs (sharing a point) and legs that only touch are not crossings.
 */
export function crossingPairs(route: readonly LatLng[]): [number, number][] {
  if (route.length < 4) return [];
  const origin = route[0]!;
  const scale = Math.cos((origin.lat * Math.PI) / 180);
  const xy = route.map((p) => [(p.lng - origin.lng) * scale, p.lat - origin.lat] as const);
  const pairs: [number, number][] = [];
  for (let i = 0; i < xy.length - 1; i++) {
    for (let j = i + 2; j < xy.length - 1; j++) {
      if (i === 0 && j === xy.length - 2) continue; // first and last leg meet at the accommodation
      if (properlyIntersect(xy[i]!, xy[i + 1]!, xy[j]!, xy[j + 1]!)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** How many pairs of legs of a closed route cross each other. */
export function countSelfCrossings(route: readonly LatLng[]): number {
  return crossingPairs(route).length;
}

/**
 * Crossings of a day route (`stops` between two visits to the accommodation) that the 2-opt move
 * removing them could undo while `acceptable` (feasible in time, no more travel) holds: crossings
 * that time windows do not force.
 */
export function unforcedCrossings<T>(
  stops: readonly T[],
  home: LatLng,
  pointOf: (stop: T) => LatLng,
  acceptable: (candidate: T[]) => boolean,
): number {
  return crossingPairs([home, ...stops.map(pointOf), home]).filter(([i, j]) =>
    acceptable(reverseBetween(stops, i, j)),
  ).length;
}

/** Undo unforced crossings one at a time (2-opt), until none is left or `rounds` runs out. */
export function uncross<T>(
  start: readonly T[],
  home: LatLng,
  pointOf: (stop: T) => LatLng,
  acceptable: (candidate: T[]) => boolean,
  rounds = 10,
): T[] {
  let stops = [...start];
  for (let round = 0; round < rounds; round++) {
    const pair = crossingPairs([home, ...stops.map(pointOf), home]).find(([i, j]) =>
      acceptable(reverseBetween(stops, i, j)),
    );
    if (!pair) break;
    stops = reverseBetween(stops, pair[0], pair[1]);
  }
  return stops;
}

/** Reverse the stops between crossing legs i and j (points i+1..j, i.e. stops i..j−1). */
function reverseBetween<T>(stops: readonly T[], i: number, j: number): T[] {
  return [...stops.slice(0, i), ...stops.slice(i, j).reverse(), ...stops.slice(j)];
}

type Point = readonly [number, number];

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(value) < 1e-14 ? 0 : Math.sign(value);
}

function properlyIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

import type { Matrix } from './routingProblem.js';

/**
 * All-pairs shortest travel times (Floyd–Warshall). Benchmark matrices are not always metric, so a
 * direct arc is not a lower bound on reaching a node; these are, and the exact DP prunes with them.
 */
export function shortestPaths(travel: Matrix): number[][] {
  const size = travel.length;
  const dist = travel.map((row) => [...row]);
  for (let via = 0; via < size; via++) {
    const viaRow = dist[via]!;
    for (let from = 0; from < size; from++) {
      const fromRow = dist[from]!;
      const toVia = fromRow[via]!;
      if (toVia === Infinity) continue;
      for (let to = 0; to < size; to++) {
        const candidate = toVia + viaRow[to]!;
        if (candidate < fromRow[to]!) fromRow[to] = candidate;
      }
    }
  }
  return dist;
}

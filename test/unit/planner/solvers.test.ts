import { describe, expect, it } from 'vitest';

import type { RoutingProblem } from '../../../src/shared/planner/solvers/routingProblem.js';
import { scheduleRoute } from '../../../src/shared/planner/solvers/scheduleRoute.js';
import { SeededRandom } from '../../../src/shared/planner/solvers/seededRandom.js';
import { solveOptw } from '../../../src/shared/planner/solvers/solveOptw.js';
import { solveTsptw } from '../../../src/shared/planner/solvers/solveTsptw.js';
import { solveTsptwExact } from '../../../src/shared/planner/solvers/tsptwExact.js';
import { solveTsptwHeuristic } from '../../../src/shared/planner/solvers/tsptwHeuristic.js';

/** Random instance on a 100×100 grid with windows around a random feasible tour. */
function randomProblem(random: SeededRandom, customers: number, width: number): RoutingProblem {
  const points = Array.from({ length: customers + 1 }, () => [random.int(100), random.int(100)] as const);
  const travel = points.map(([x1, y1]) => points.map(([x2, y2]) => Math.round(Math.hypot(x1 - x2, y1 - y2))));
  const service = points.map((_, i) => (i === 0 ? 0 : 5 + random.int(10)));
  const windows: [number, number][] = [[0, 0]];
  let time = 0;
  let previous = 0;
  const tour = Array.from({ length: customers }, (_, i) => i + 1).sort(() => random.next() - 0.5);
  const arrival = new Map<number, number>();
  for (const node of tour) {
    time += travel[previous]![node]!;
    arrival.set(node, time);
    time += service[node]!;
    previous = node;
  }
  for (let node = 1; node <= customers; node++) {
    const at = arrival.get(node)!;
    const before = random.int(width);
    windows.push([Math.max(0, at - before), at + (width - before)]);
  }
  windows[0] = [0, time + travel[previous]![0]! + width];
  return { travel, windows, service };
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function bruteForce(problem: RoutingProblem): number {
  const nodes = Array.from({ length: problem.windows.length - 1 }, (_, i) => i + 1);
  let best = Infinity;
  for (const route of permutations(nodes)) {
    const schedule = scheduleRoute(problem, route);
    if (schedule.feasible) best = Math.min(best, schedule.cost);
  }
  return best;
}

describe('solveTsptwExact', () => {
  it('equals brute force on 40 small random instances (feasible and infeasible)', () => {
    const random = new SeededRandom(7);
    let feasibleCount = 0;
    for (let trial = 0; trial < 40; trial++) {
      const customers = 3 + (trial % 5); // 3..7
      const problem = randomProblem(random, customers, trial % 2 === 0 ? 15 : 200);
      // Every fourth instance gets a window that cannot be met, to check "infeasible" too.
      if (trial % 4 === 3) (problem.windows as [number, number][])[1] = [0, 0];
      const expected = bruteForce(problem);
      const exact = solveTsptwExact(problem);
      if (expected === Infinity) {
        expect(exact.feasible).toBe(false);
      } else {
        feasibleCount++;
        expect(exact.feasible).toBe(true);
        expect(exact.cost).toBe(expected);
        const schedule = scheduleRoute(problem, exact.route);
        expect(schedule.feasible).toBe(true);
        expect(schedule.cost).toBe(expected);
        expect([...exact.route].sort((a, b) => a - b)).toEqual(
          Array.from({ length: customers }, (_, i) => i + 1),
        );
      }
    }
    expect(feasibleCount).toBeGreaterThan(20);
  });

  it('takes the dearer order when the cheaper one misses a window', () => {
    // Node 2 closes at 12: the cheap order 1,2 (cost 3) reaches it at 20; only 2,1 (cost 50+1+1) is feasible.
    const travel = [
      [0, 10, 10],
      [10, 0, 10],
      [10, 10, 0],
    ];
    const cost = [
      [0, 1, 50],
      [1, 0, 1],
      [50, 1, 0],
    ];
    const problem: RoutingProblem = {
      travel,
      cost,
      service: [0, 0, 0],
      windows: [
        [0, 100],
        [0, 100],
        [0, 12],
      ],
    };
    const solution = solveTsptwExact(problem);
    expect(solution.route).toEqual([2, 1]);
    expect(solution.cost).toBe(52);
  });
});

describe('solveTsptw', () => {
  it('uses the exact DP up to the limit and the GVNS beyond it, both feasible', () => {
    const random = new SeededRandom(11);
    const small = randomProblem(random, 8, 30);
    expect(solveTsptw(small).exact).toBe(true);
    const large = randomProblem(random, 25, 30);
    const solution = solveTsptw(large);
    expect(solution.exact).toBe(false);
    expect(solution.feasible).toBe(true);
    expect(scheduleRoute(large, solution.route).feasible).toBe(true);
    expect(new Set(solution.route).size).toBe(25);
  });

  it('GVNS reaches the DP optimum on small instances', () => {
    const random = new SeededRandom(3);
    for (let trial = 0; trial < 8; trial++) {
      const problem = randomProblem(random, 9, 40);
      const exact = solveTsptwExact(problem);
      const heuristic = solveTsptwHeuristic(problem, {
        iterations: 300,
        maxLevel: 8,
        feasibilityIterations: 300,
        seed: 1,
      });
      expect(heuristic.feasible).toBe(true);
      expect(heuristic.cost).toBe(exact.cost);
    }
  });

  it('is deterministic for the same input and seed', () => {
    const problem = randomProblem(new SeededRandom(5), 30, 20);
    const first = solveTsptw(problem);
    const second = solveTsptw(problem);
    expect(second.route).toEqual(first.route);
  });
});

describe('solveOptw', () => {
  it('returns feasible tours within the budget that respect capacity and group limits', () => {
    const random = new SeededRandom(21);
    for (let trial = 0; trial < 10; trial++) {
      const base = randomProblem(random, 30, 120);
      const budget = 250;
      const problem = {
        ...base,
        windows: [[0, budget] as const, ...base.windows.slice(1)],
        scores: base.windows.map((_, i) => (i === 0 ? 0 : 1 + random.int(20))),
      };
      const groupOf = problem.scores.map((_, i) => (i === 0 ? -1 : i % 3));
      const solution = solveOptw(problem, {
        nodeCapacity: { demands: problem.scores.map(() => 1), limit: 6 },
        groups: { of: groupOf, limits: [1, 2, 10] },
      });
      const schedule = scheduleRoute(problem, solution.route);
      expect(schedule.feasible).toBe(true);
      expect(new Set(solution.route).size).toBe(solution.route.length);
      expect(solution.route.length).toBeLessThanOrEqual(6);
      expect(solution.route.filter((n) => groupOf[n] === 0).length).toBeLessThanOrEqual(1);
      expect(solution.route.filter((n) => groupOf[n] === 1).length).toBeLessThanOrEqual(2);
      expect(solution.score).toBe(solution.route.reduce((sum, n) => sum + problem.scores[n]!, 0));
      expect(solution.score).toBeGreaterThan(0);
    }
  });

  it('finds the optimum of a small instance (checked by enumeration)', () => {
    // Depot at 0; four places on a line; budget allows three of them but not the far pair together.
    const xs = [0, 10, 20, 30, 60];
    const travel = xs.map((a) => xs.map((b) => Math.abs(a - b)));
    const problem = {
      travel,
      service: [0, 5, 5, 5, 5],
      windows: [
        [0, 100],
        [0, 100],
        [0, 100],
        [0, 100],
        [0, 100],
      ] as [number, number][],
      scores: [0, 3, 4, 5, 9],
    };
    const solution = solveOptw(problem);
    // 0→4→0 takes 120 > 100, so node 4 is out; 1+2+3 fits (60 travel + 15 service).
    expect(solution.score).toBe(12);
    expect([...solution.route].sort()).toEqual([1, 2, 3]);
  });

  it('never routes a forbidden (Infinity) arc', () => {
    const travel = [
      [0, 5, 5],
      [5, 0, Infinity],
      [5, Infinity, 0],
    ];
    const problem = {
      travel,
      service: [0, 1, 1],
      windows: [
        [0, 100],
        [0, 100],
        [0, 100],
      ] as [number, number][],
      scores: [0, 5, 6],
    };
    const solution = solveOptw(problem);
    expect(scheduleRoute(problem, solution.route).feasible).toBe(true);
    expect(solution.route).toHaveLength(1);
    expect(solution.route).toEqual([2]);
  });
});

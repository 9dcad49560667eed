import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { solveTsptw, type SolveTsptwOptions } from '../../../src/shared/planner/solvers/solveTsptw.js';
import { fixed, mean, printTable } from './stats.js';
import { evaluateTsptwTour, readTsptwInstance } from './tsptwInstance.js';

/** The budget every instance gets (the planner's own solver, with a larger iteration count). */
export const TSPTW_BENCH_OPTIONS: SolveTsptwOptions = {
  iterations: 2_500,
  feasibilityIterations: 3_000,
  timeLimitMs: 1_500,
};

interface Row {
  instance: string;
  set: string;
  best: number;
  ours: number;
  feasible: boolean;
  exact: boolean;
  ms: number;
}

/** Score `solveTsptw` on every TSPTW instance with a best-known distance-objective value. */
export function benchTsptw(dir: string): { rows: Row[] } {
  const lines = readFileSync(join(dir, 'tsptw', 'best-known.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows: Row[] = [];
  for (const line of lines) {
    const [instance, set, , objective, best] = line.split('\t');
    if (objective !== 'distance') continue;
    const data = readTsptwInstance(join(dir, 'tsptw', 'instances', set!, `${instance}.tsptw`));
    const started = performance.now();
    const solution = solveTsptw(
      { travel: data.matrix, windows: data.windows, service: data.matrix.map(() => 0) },
      TSPTW_BENCH_OPTIONS,
    );
    const ms = performance.now() - started;
    const check = evaluateTsptwTour(data, solution.route);
    rows.push({
      instance: instance!,
      set: set!,
      best: Number(best),
      ours: check.distance,
      feasible: check.feasible,
      exact: solution.exact,
      ms,
    });
  }
  return { rows };
}

export function printTsptw(rows: Row[], perInstance = false): void {
  const gap = (r: Row) => (100 * (r.ours - r.best)) / r.best;
  const summary = (name: string, group: Row[]) => {
    const feasible = group.filter((r) => r.feasible);
    const gaps = feasible.map(gap);
    return [
      name,
      String(group.length),
      String(group.length - feasible.length),
      fixed(mean(gaps), 3),
      fixed(Math.max(...gaps), 3),
      String(gaps.filter((g) => g <= 1e-9).length),
      String(group.filter((r) => r.exact).length),
      fixed(mean(group.map((r) => r.ms)), 0),
      fixed(Math.max(...group.map((r) => r.ms)), 0),
    ];
  };
  const sets = [...new Set(rows.map((r) => r.set))];
  printTable(
    [
      'set',
      'instances',
      'infeasible',
      'mean gap %',
      'worst gap %',
      'at best-known',
      'solved exactly (DP)',
      'mean ms',
      'max ms',
    ],
    [
      ...sets.map((s) =>
        summary(
          s,
          rows.filter((r) => r.set === s),
        ),
      ),
      summary('ALL', rows),
    ],
  );
  if (perInstance) {
    printTable(
      ['instance', 'best-known', 'ours', 'gap %', 'feasible', 'ms'],
      rows.map((r) => [
        r.instance,
        String(r.best),
        String(r.ours),
        fixed(gap(r), 3),
        String(r.feasible),
        fixed(r.ms, 0),
      ]),
    );
  }
  const worst = [...rows]
    .filter((r) => r.feasible)
    .sort((a, b) => gap(b) - gap(a))
    .slice(0, 5);
  console.log(
    `worst instances: ${worst.map((r) => `${r.instance} ${fixed(gap(r), 2)} % (${r.ours} vs ${r.best})`).join('; ')}`,
  );
  const infeasible = rows.filter((r) => !r.feasible);
  if (infeasible.length > 0) console.log(`INFEASIBLE: ${infeasible.map((r) => r.instance).join(', ')}`);
}

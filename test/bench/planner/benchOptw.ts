import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { solveOptw, type SolveOptwOptions } from '../../../src/shared/planner/solvers/solveOptw.js';
import { evaluateOptwTour, readOptwInstance } from './optwInstance.js';
import { fixed, mean, printTable } from './stats.js';

/** The budget every instance gets (the planner's own ILS, with a longer stopping rule). */
export const OPTW_BENCH_OPTIONS: SolveOptwOptions = { maxNoImprovement: 2_000, timeLimitMs: 6_000 };

interface Row {
  instance: string;
  family: string;
  best: number;
  ours: number;
  feasible: boolean;
  ms: number;
}

/** Score `solveOptw` (m = 1) on every OPTW instance with a best-known score. */
export function benchOptw(dir: string): { rows: Row[] } {
  const lines = readFileSync(join(dir, 'optw', 'best-known.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows: Row[] = [];
  for (const line of lines) {
    const [instance, tours, best] = line.split('\t');
    if (tours !== '1') continue;
    const cordeau = instance!.startsWith('pr');
    // Travel in exact integers: Solomon distances floored to 0.1, Cordeau to 0.01 (README §2).
    const data = readOptwInstance(
      join(dir, 'optw', 'instances', `${instance}.txt`),
      instance!,
      cordeau ? 100 : 10,
    );
    const started = performance.now();
    const solution = solveOptw(
      { travel: data.matrix, windows: data.windows, service: data.service, scores: data.scores },
      OPTW_BENCH_OPTIONS,
    );
    const ms = performance.now() - started;
    const check = evaluateOptwTour(data, solution.route);
    const family = cordeau ? 'pr (Cordeau)' : instance!.replace(/\d+$/, '');
    rows.push({
      instance: instance!,
      family,
      best: Number(best),
      ours: check.score,
      feasible: check.feasible,
      ms,
    });
  }
  return { rows };
}

export function printOptw(rows: Row[], perInstance = false): void {
  const gap = (r: Row) => (100 * (r.best - r.ours)) / r.best;
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
      fixed(mean(group.map((r) => r.ms)), 0),
      fixed(Math.max(...group.map((r) => r.ms)), 0),
    ];
  };
  const families = [...new Set(rows.map((r) => r.family))];
  printTable(
    ['family', 'instances', 'infeasible', 'mean gap %', 'worst gap %', 'at best-known', 'mean ms', 'max ms'],
    [
      ...families.map((f) =>
        summary(
          f,
          rows.filter((r) => r.family === f),
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

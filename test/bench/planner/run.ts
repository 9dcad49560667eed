/**
 * Planner benchmark: `npx tsx test/bench/planner/run.ts [scenarios|tsptw|optw ...] [--instances]`
 * (all parts by default; `--instances` also lists every benchmark instance).
 * Reads only the benchmark files (BENCHMARKS_DIR or ../shared/benchmarks); everything else is
 * generated from fixed seeds, so two runs print the same quality figures (times vary).
 */
import { DEFAULT_TSPTW_OPTIONS } from '../../../src/shared/planner/solvers/solveTsptw.js';
import { benchmarksDir } from './benchmarksDir.js';
import { benchOptw, OPTW_BENCH_OPTIONS, printOptw } from './benchOptw.js';
import {
  benchCpuTarget,
  benchScenarios,
  printScenarios,
  SCENARIO_COUNT,
  SCENARIO_SEED,
} from './benchScenarios.js';
import { benchTsptw, printTsptw, TSPTW_BENCH_OPTIONS } from './benchTsptw.js';
import { fixed } from './stats.js';

const args = process.argv.slice(2);
const perInstance = args.includes('--instances');
const wanted = new Set(args.filter((a) => !a.startsWith('--')));
const runs = (part: string) => wanted.size === 0 || wanted.has(part);
const started = performance.now();

if (runs('scenarios')) {
  console.log(`\n== Trip scenarios (${SCENARIO_COUNT}, seed ${SCENARIO_SEED}) ==`);
  printScenarios(benchScenarios());
  const target = benchCpuTarget();
  console.log(
    `CPU target case: 3-day trip, ${target.candidates} candidates: median ${fixed(target.median, 1)} ms, max ${fixed(target.max, 1)} ms over 7 runs   (target ≤ 100 ms)`,
  );
}

if (runs('tsptw') || runs('optw')) {
  const dir = benchmarksDir();
  if (runs('tsptw')) {
    console.log(`\n== TSPTW ordering (solveTsptw, distance objective) — ${dir}/tsptw ==`);
    console.log(
      `options: exact subset DP up to 12 stops, else GVNS (maxLevel ${DEFAULT_TSPTW_OPTIONS.maxLevel}) ${JSON.stringify(TSPTW_BENCH_OPTIONS)}`,
    );
    printTsptw(benchTsptw(dir).rows, perInstance);
  }
  if (runs('optw')) {
    console.log(`\n== OPTW selection (solveOptw, m = 1) — ${dir}/optw ==`);
    console.log(
      `options: ILS ${JSON.stringify(OPTW_BENCH_OPTIONS)}; travel = euclid floored to 0.1 (Solomon) / 0.01 (Cordeau), in exact integers`,
    );
    printOptw(benchOptw(dir).rows, perInstance);
  }
}

console.log(`\ntotal wall time ${fixed((performance.now() - started) / 1000, 1)} s`);

import { planItinerary, type PlanResult } from '../../../src/shared/planner/planItinerary.js';
import { SeededRandom } from '../../../src/shared/planner/solvers/seededRandom.js';
import { generateScenario, generateScenarios, type Scenario } from './scenarios.js';
import { cpuMs, fixed, mean, percent, printTable, quantile } from './stats.js';

export const SCENARIO_SEED = 20_250_601;
export const SCENARIO_COUNT = 36;

interface Outcome {
  scenario: Scenario;
  result: PlanResult;
  cpuMs: number;
}

/** Plan every generated scenario once, timing CPU. */
export function benchScenarios(): Outcome[] {
  // One untimed warm-up so JIT compilation is not billed to the first scenario.
  const scenarios = generateScenarios(SCENARIO_COUNT, SCENARIO_SEED);
  planItinerary(scenarios[0]!.request);
  return scenarios.map((scenario) => {
    const { value, ms } = cpuMs(() => planItinerary(scenario.request));
    return { scenario, result: value, cpuMs: ms };
  });
}

/** The CPU-time target case: a 3-day trip with 60 candidates, median of several runs. */
export function benchCpuTarget(runs = 7): { candidates: number; median: number; max: number } {
  const scenario = generateScenario(2, new SeededRandom(SCENARIO_SEED + 1), {
    days: 3,
    visits: 45,
    restaurants: 15,
  });
  planItinerary(scenario.request);
  const times = Array.from({ length: runs }, () => cpuMs(() => planItinerary(scenario.request)).ms);
  return {
    candidates: scenario.request.places.length,
    median: quantile(times, 0.5),
    max: Math.max(...times),
  };
}

/** Violations on metrics 1–4 and 7–8 (the "zero violations" criterion). */
function hardViolations(result: PlanResult): number {
  return ['1', '2', '3', '4', '7', '8'].reduce(
    (sum, m) => sum + (result.metrics.violationsByMetric[m] ?? 0),
    0,
  );
}

export function printScenarios(outcomes: Outcome[]): void {
  printTable(
    [
      'scenario',
      'cands',
      'visits',
      'meals',
      'viol 1-4,7-8',
      'route gap % by day',
      'crossings',
      'risk',
      'cpu ms',
    ],
    outcomes.map(({ scenario, result, cpuMs: ms }) => [
      scenario.name,
      String(result.metrics.candidates),
      String(result.metrics.visits),
      String(result.metrics.meals),
      String(hardViolations(result)),
      result.metrics.routeGapPercentByDay.map((g) => (g === null ? '–' : fixed(g, 1))).join(' '),
      String(result.metrics.routeSelfCrossings),
      String(result.metrics.unknownHoursVisits),
      fixed(ms, 1),
    ]),
  );
  const metrics = outcomes.map((o) => o.result.metrics);
  const total = (pick: (m: (typeof metrics)[number]) => number) =>
    metrics.reduce((sum, m) => sum + pick(m), 0);
  const gaps = metrics.flatMap((m) => m.routeGapPercentByDay.filter((g): g is number => g !== null));
  const dayCount = total((m) => m.days);
  const visits = total((m) => m.visits);
  const categoryDays = metrics.flatMap((m) => m.categoriesPerDay.filter((c) => c > 0));
  const zero = outcomes.filter((o) => hardViolations(o.result) === 0).length;
  const cpu = outcomes.map((o) => o.cpuMs);
  console.log('');
  const members = outcomes.flatMap((o) => o.scenario.request.trip.members);
  const modes = outcomes.map((o) => o.scenario.request.trip.transport.mode);
  const countOf = (mode: string) => modes.filter((m) => m === mode).length;
  const withoutHours = outcomes
    .flatMap((o) => o.scenario.request.places)
    .filter((p) => !p.openingHours).length;
  console.log(
    `scenarios: ${outcomes.length}, days: ${dayCount}, visits: ${visits}, meals: ${total((m) => m.meals)}`,
  );
  console.log(
    `travellers: ${members.length} (children ${members.filter((m) => m.age < 12).length}, ` +
      `65+ ${members.filter((m) => m.age >= 65).length}, ` +
      `limited mobility ${members.filter((m) => m.health?.mobility === 'limited').length}, ` +
      `wheelchair ${members.filter((m) => m.health?.mobility === 'wheelchair').length}); ` +
      `modes: car ${countOf('car')}, transit ${countOf('transit')}, walk ${countOf('walk')}, mixed ${countOf('mixed')}; ` +
      `candidates without hours: ${withoutHours}`,
  );
  console.log(
    ` 1 places not from the provider data ........ ${total((m) => m.placesNotFromProvider)}   (target 0)`,
  );
  console.log(
    ` 2 visits outside opening hours/closed days .. ${total((m) => m.visitsOutsideOpeningHours)}   (target 0)`,
  );
  console.log(
    ` 3 overlaps / chronology errors .............. ${total((m) => m.chronologyErrors)}   (target 0)`,
  );
  console.log(` 4 legs shorter than the travel time ......... ${total((m) => m.legsTooShort)}   (target 0)`);
  console.log(
    ` 5 route gap vs exact optimum per day ........ median ${fixed(quantile(gaps, 0.5))} %, p95 ${fixed(quantile(gaps, 0.95))} %, max ${fixed(Math.max(...gaps))} % over ${gaps.length} days   (target median 0 %, p95 ≤ 5 %)`,
  );
  console.log(
    ` 6 route self-crossings ...................... ${total((m) => m.routeSelfCrossings)} on ${dayCount} days, of which not forced by time windows: ${total((m) => m.unforcedSelfCrossings)} (optimal orders of the same stops: ${total((m) => m.optimumSelfCrossings)})   (target 0 unless forced)`,
  );
  console.log(
    ` 7 full days with lunch and dinner in window . ${total((m) => m.fullDaysWithBothMeals)}/${total((m) => m.fullDays)} = ${percent(
      total((m) => m.fullDaysWithBothMeals),
      total((m) => m.fullDays),
    )}; all due meals in window ${total((m) => m.requiredMealsInWindow)}/${total((m) => m.requiredMeals)}   (target 100 %)`,
  );
  console.log(` 8 days over the pace caps ................... ${total((m) => m.daysOverPace)}   (target 0)`);
  console.log(
    ` 9 visits within recommended duration ........ ${total((m) => m.visitsWithinRecommendedDuration)}/${visits} = ${percent(
      total((m) => m.visitsWithinRecommendedDuration),
      visits,
    )}   (target ≥ 95 %)`,
  );
  console.log(
    `10 stated preferences covered ................ ${total((m) => m.preferencesCovered)}/${total((m) => m.preferencesStated)} = ${percent(
      total((m) => m.preferencesCovered),
      total((m) => m.preferencesStated),
    )}; distinct categories per day with visits: mean ${fixed(mean(categoryDays))}`,
  );
  console.log(
    `   risk: visits at places with unknown hours .. ${total((m) => m.unknownHoursVisits)} (scheduled only in the default window, warned)`,
  );
  console.log(
    `   estimated legs ............................ ${total((m) => m.estimatedLegs)}/${total((m) => m.legs)}`,
  );
  console.log(
    `   repaired plans ............................ ${metrics.filter((m) => m.violationsBeforeRepair > 0).length}`,
  );
  console.log(
    `itineraries with zero violations on 1-4, 7-8: ${zero}/${outcomes.length} = ${percent(zero, outcomes.length)}   (target ≥ 99 %)`,
  );
  console.log(
    `planning CPU per scenario: median ${fixed(quantile(cpu, 0.5), 1)} ms, p95 ${fixed(quantile(cpu, 0.95), 1)} ms, max ${fixed(Math.max(...cpu), 1)} ms`,
  );
}

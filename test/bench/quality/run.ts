/**
 * `npm run bench:quality`: the trips of `trips.ts` through the real generator (gathering over the
 * cached, resilient place services → planner → validation) against the sandbox upstream, measured
 * the way a traveller would judge them (see `measure.ts`), as read in the trip's language. Prints one table for all trips, then
 * speed: each trip cold (empty cache) with 150 ms injected on every upstream call, p95 of the
 * generation time, and upstream calls per trip cold and warm (the same trip again on a warm cache).
 * Figures are printed; nothing is asserted.
 */
import { readFileSync } from 'node:fs';

import { startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { createPlaceLocalizer } from '../../../src/shared/i18n/createPlaceLocalizer.js';
import { localizeItinerary } from '../../../src/shared/i18n/localizeItinerary.js';
import { placeServicesSource } from '../../../src/shared/pipeline/placeServicesSource.js';
import { PlannerItineraryGenerator } from '../../../src/shared/pipeline/PlannerItineraryGenerator.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { sandboxPlaceServices } from '../../integration/places/sandboxPlaceServices.js';
import { dayBalance, measure, type NamesById, type TripQuality } from './measure.js';
import { measureRegenerated, printRegenerated, type RegeneratedQuality } from './regenerated.js';
import { QUALITY_TRIPS } from './trips.js';

const LATENCY_MS = 150;
const only = process.argv[2];
const trips = QUALITY_TRIPS.filter((t) => !only || t.id.includes(only));

const dataset = JSON.parse(
  readFileSync(new URL('../../../src/local/sandbox/data/places.json', import.meta.url), 'utf8'),
) as { places: { kakaoId: string; googleId: string; name: Record<string, string> }[] };
const names: NamesById = new Map(
  dataset.places.flatMap((p) => [
    [p.kakaoId, p.name],
    [p.googleId, p.name],
  ]),
);

const sandbox = await startSandbox();
sandbox.faults.add({ kind: 'latency', ms: LATENCY_MS });
const logger = createLogger(() => {}, 'error');
const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

const regenerated: RegeneratedQuality[] = [];
const results: { id: string; q: TripQuality; coldMs: number; cold: number; warm: number }[] = [];
for (const trip of trips) {
  const services = await sandboxPlaceServices(sandbox);
  const generator = new PlannerItineraryGenerator({
    source: placeServicesSource(services.places),
    logger,
    sampleData: true,
  });
  const signal = new AbortController().signal;
  sandbox.stats.reset();
  const started = performance.now();
  const doc = await generator.generate(trip, { useLlm: false } as never, async () => {}, signal);
  const coldMs = performance.now() - started;
  const cold = sandbox.stats.requests();
  sandbox.stats.reset();
  await generator.generate(trip, { useLlm: false } as never, async () => {}, signal);
  const warm = sandbox.stats.requests();
  // Measured as the traveller reads it: GET …/itinerary localizes the stored plan to the trip's language.
  const localizer = createPlaceLocalizer({
    config: services.config,
    cache: services.cache,
    places: services.places,
    metrics: services.metrics,
    logger,
    getCredential: () => {
      throw new Error('the sandbox Translator takes a key');
    },
  });
  const read = await localizeItinerary(localizer, doc, trip.language, signal);
  regenerated.push(await measureRegenerated(trip, doc, placeServicesSource(services.places), names));
  await services.close();
  const q = measure(trip, read, names);
  results.push({ id: trip.id, q, coldMs, cold, warm });
  if (process.env.QUALITY_VERBOSE) {
    console.log(`\n## ${trip.id}`);
    for (const day of doc.days) {
      console.log(`  ${day.date}`);
      for (const item of day.items) {
        const what = item.place
          ? item.place.name
          : item.travel
            ? `${item.travel.mode} ${item.travel.distanceMeters} m`
            : '';
        console.log(
          `    ${item.start}-${item.end} ${item.kind.padEnd(6)} ${item.meal ?? ''} ${what}${item.reason ? `  — ${item.reason}` : ''}`,
        );
      }
    }
    for (const w of doc.warnings) console.log(`  ! ${w.message}`);
  }
}
await sandbox.close();

const sum = (pick: (q: TripQuality) => number) => results.reduce((t, r) => t + pick(r.q), 0);
const rows: [string, string, string][] = [
  ['hard violations (hours, overlaps, legs)', String(sum((q) => q.hardViolations)), '0'],
  ['days without a visit', String(sum((q) => q.daysWithoutVisit)), '0'],
  ['days without lunch', String(sum((q) => q.daysWithoutLunch)), '0'],
  ['days without dinner', String(sum((q) => q.daysWithoutDinner)), '0'],
  ['repeated restaurants', String(sum((q) => q.repeatedRestaurants)), '0'],
  ['places unsuitable for wheelchair users', String(sum((q) => q.wheelchairUnsuitable)), '0'],
  ['strenuous places (limited/≤4/≥75)', String(sum((q) => q.strenuousForGroup)), '0'],
  ['outdoor visits after sunset + 30 min', String(sum((q) => q.outdoorAfterSunset)), '0'],
  ['same-site splits', String(sum((q) => q.sameSiteSplits)), '0'],
  ['days with > 2 places of one kind', String(sum((q) => q.daysOverTwoOfAKind)), '0'],
  ['visits/meals without a reason', String(sum((q) => q.itemsWithoutReason)), '0'],
  [
    'names not in the requested language',
    `${(
      (100 * sum((q) => q.namesNotInLanguage)) /
      Math.max(
        1,
        sum((q) => q.namesChecked),
      )
    ).toFixed(1)} % of ${sum((q) => q.namesChecked)}`,
    '0 %',
  ],
  [
    'mean idle share of the day window',
    `${((100 * sum((q) => q.idleShare)) / results.length).toFixed(1)} %`,
    '≤ 25 %',
  ],
  [
    'preference coverage (by kind)',
    `${(
      (100 * sum((q) => q.preferencesCovered)) /
      Math.max(
        1,
        sum((q) => q.preferencesStated),
      )
    ).toFixed(1)} % (${sum((q) => q.preferencesCovered)}/${sum((q) => q.preferencesStated)})`,
    '≥ 90 %',
  ],
];
// Day balance over the multi-day trips: how evenly their days hold the sightseeing.
const balances = results.flatMap((r) => {
  const balance = dayBalance(r.q.visitMinutesByDay);
  return balance ? [balance] : [];
});
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
rows.push(
  ['day balance: CV of visit minutes (mean)', mean(balances.map((b) => b.cv)).toFixed(2), 'lower is better'],
  [
    'day balance: busiest / lightest day (mean)',
    mean(balances.map((b) => Math.min(b.maxOverMin, 10))).toFixed(2),
    'lower is better',
  ],
  [
    'lopsided neighbouring days (≤ ½ the other)',
    String(balances.reduce((t, b) => t + b.lopsidedPairs, 0)),
    '0',
  ],
);
const cold = results.map((r) => r.cold);
const warm = results.map((r) => r.warm);
const times = results.map((r) => r.coldMs);
rows.push(
  [
    'upstream calls per trip, cold (mean / max)',
    `${(cold.reduce((a, b) => a + b, 0) / cold.length).toFixed(1)} / ${Math.max(...cold)}`,
    '',
  ],
  [
    'upstream calls per trip, warm (mean / max)',
    `${(warm.reduce((a, b) => a + b, 0) / warm.length).toFixed(1)} / ${Math.max(...warm)}`,
    '',
  ],
  [
    `cold generation, ${LATENCY_MS} ms upstream latency (p50 / p95)`,
    `${pct(times, 50).toFixed(0)} / ${pct(times, 95).toFixed(0)} ms`,
    'p95 ≤ 5000 ms',
  ],
);
console.log(`== Itinerary quality: ${results.length} trips through the generator against the sandbox ==`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [label, value, target] of rows)
  console.log(`${label.padEnd(width)}  ${value.padStart(22)}  ${target}`);
console.log(
  '\nper trip: id  violations/noVisit/noLunch/noDinner/repeat/prefs  cold calls  warm calls  cold ms',
);
for (const r of results) {
  const q = r.q;
  console.log(
    `  ${r.id.padEnd(32)} ${q.hardViolations}/${q.daysWithoutVisit}/${q.daysWithoutLunch}/${q.daysWithoutDinner}/${q.repeatedRestaurants}/${q.preferencesCovered}of${q.preferencesStated}  idle ${(100 * q.idleShare).toFixed(0)}%  visit min/day ${q.visitMinutesByDay.join(',')}  ${r.cold}  ${r.warm}  ${r.coldMs.toFixed(0)}${q.missed.length ? `  missed: ${q.missed.join(', ')}` : ''}`,
  );
}
printRegenerated(regenerated);

/**
 * Issue #14's part of `npm run bench:quality`: the same traveller-level counts for itineraries the
 * traveller regenerated — one day again with a must-visit place pinned on it, and the whole trip
 * with a `variation` seed — through the editor's own regeneration (`regeneratedDocument`), plus
 * how different the variation is. Figures are printed; nothing is asserted.
 */
import { toPlanDay } from '../../../src/shared/itinerary/edit/checkDays.js';
import { findAlternatives } from '../../../src/shared/itinerary/edit/findAlternatives.js';
import { loadPlanningInputs } from '../../../src/shared/itinerary/edit/PlanningInputs.js';
import { regeneratedDocument } from '../../../src/shared/itinerary/edit/regeneratedDocument.js';
import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import type { PlaceSource } from '../../../src/shared/planner/PlaceSource.js';
import { validateItinerary } from '../../../src/shared/planner/validateItinerary.js';
import type { Trip } from '../../../src/shared/trips/tripSchema.js';
import { measure, type NamesById, type TripQuality } from './measure.js';

/** One trip's regenerated itineraries, measured. */
export interface RegeneratedQuality {
  id: string;
  /** One day regenerated with a place pinned that the plan did not have. */
  day: TripQuality;
  /** Whether the pinned place is on that day afterwards (`undefined`: no place to pin was found). */
  pinPlanned?: boolean;
  /** The whole trip regenerated with a variation seed. */
  variation: TripQuality;
  /** Share of the generated plan's places (visits and meals) the variation no longer has. */
  changedShare: number;
  ms: number;
}

const VARIATION = 7;

/** Regenerate `generated` twice (a pinned day, a varied trip) the way POST …/itinerary/regenerate does. */
export async function measureRegenerated(
  trip: Trip,
  generated: Omit<ItineraryDocument, 'tripId' | 'jobId' | 'generatedAt'>,
  source: PlaceSource,
  names: NamesById,
): Promise<RegeneratedQuality> {
  const started = performance.now();
  const doc: ItineraryDocument = { tripId: trip.id, jobId: 'bench', generatedAt: '', ...generated };
  const date = (doc.days[1] ?? doc.days[0])!.date;
  const inputs = await loadPlanningInputs(source, trip, doc);
  const visit = doc.days.find((d) => d.date === date)!.items.find((i) => i.kind === 'visit');
  const pin = visit ? findAlternatives(inputs, trip, doc, visit.id, 5).at(-1)?.place.id : undefined;
  const pinned = { ...trip, mustVisit: pin ? [pin] : [] } as Trip;
  const pinnedInputs = await loadPlanningInputs(source, pinned, doc, pinned.mustVisit);
  const day = regeneratedDocument(pinnedInputs, pinned, doc, { date }).next;
  const varied = regeneratedDocument(inputs, trip, doc, { variation: VARIATION }).next;

  const placesOf = (d: ItineraryDocument) =>
    d.days.flatMap((x) => x.items.flatMap((i) => (i.place ? [`${i.kind}:${i.place.id}`] : [])));
  const before = placesOf(doc);
  const after = new Set(placesOf(varied));
  return {
    id: trip.id,
    day: measure(pinned, withViolations(pinnedInputs, day), names),
    ...(pin
      ? {
          pinPlanned: day.days
            .find((d) => d.date === date)!
            .items.some((i) => i.place?.id === pin && i.kind === 'visit'),
        }
      : {}),
    variation: measure(trip, withViolations(inputs, varied), names),
    changedShare: before.filter((p) => !after.has(p)).length / Math.max(1, before.length),
    ms: performance.now() - started,
  };
}

/** The document with its own violation count (the generated one's metrics describe the old plan). */
function withViolations(inputs: Awaited<ReturnType<typeof loadPlanningInputs>>, doc: ItineraryDocument) {
  const report = validateItinerary(
    inputs.request,
    { days: doc.days.map(toPlanDay) },
    { context: inputs.context },
  );
  return { days: doc.days, metrics: { violations: report.violations.length } };
}

/** Print the regenerated itineraries' counts beside their targets. */
export function printRegenerated(results: readonly RegeneratedQuality[]): void {
  const sum = (pick: (q: TripQuality) => number) => [
    results.reduce((t, r) => t + pick(r.day), 0),
    results.reduce((t, r) => t + pick(r.variation), 0),
  ];
  const share = (pick: (q: TripQuality) => [number, number]) =>
    [(r: RegeneratedQuality) => pick(r.day), (r: RegeneratedQuality) => pick(r.variation)].map((of) => {
      const [a, b] = results.reduce(([x, y], r) => [x + of(r)[0], y + of(r)[1]], [0, 0]);
      return `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
    });
  const mean = (pick: (r: RegeneratedQuality) => number) =>
    `${((100 * results.reduce((t, r) => t + pick(r), 0)) / Math.max(1, results.length)).toFixed(1)} %`;
  const rows: [string, ...string[]][] = [
    ['hard violations (hours, overlaps, legs)', ...sum((q) => q.hardViolations).map(String), '0'],
    ['days without a visit', ...sum((q) => q.daysWithoutVisit).map(String), '0'],
    ['days without lunch', ...sum((q) => q.daysWithoutLunch).map(String), '0'],
    ['days without dinner', ...sum((q) => q.daysWithoutDinner).map(String), '0'],
    ['repeated restaurants', ...sum((q) => q.repeatedRestaurants).map(String), '0'],
    ['places unsuitable for wheelchair users', ...sum((q) => q.wheelchairUnsuitable).map(String), '0'],
    ['strenuous places (limited/≤4/≥75)', ...sum((q) => q.strenuousForGroup).map(String), '0'],
    ['outdoor visits after sunset + 30 min', ...sum((q) => q.outdoorAfterSunset).map(String), '0'],
    ['same-site splits', ...sum((q) => q.sameSiteSplits).map(String), '0'],
    ['days with > 2 places of one kind', ...sum((q) => q.daysOverTwoOfAKind).map(String), '0'],
    ['visits/meals without a reason', ...sum((q) => q.itemsWithoutReason).map(String), '0'],
    [
      'mean idle share of the day window',
      mean((r) => r.day.idleShare),
      mean((r) => r.variation.idleShare),
      '≤ 25 %',
    ],
    ['preference coverage (by kind)', ...share((q) => [q.preferencesCovered, q.preferencesStated]), '≥ 90 %'],
  ];
  const pinned = results.filter((r) => r.pinPlanned !== undefined);
  rows.push(
    [
      'pinned place on its regenerated day',
      `${pinned.filter((r) => r.pinPlanned).length}/${pinned.length}`,
      '',
      'all',
    ],
    ['places changed by the variation (mean)', '', mean((r) => r.changedShare), '≥ 50 %'],
  );
  console.log(`\n== Regenerated itineraries (issue #14): ${results.length} trips ==`);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`${''.padEnd(width)}  ${'day + pin'.padStart(12)}  ${'variation'.padStart(12)}  target`);
  for (const [label, day, variation, target] of rows)
    console.log(`${label.padEnd(width)}  ${day!.padStart(12)}  ${variation!.padStart(12)}  ${target}`);
  console.log('\nper trip: id  day+pin violations/noVisit/noLunch/noDinner/repeat  variation …  changed  ms');
  for (const r of results) {
    const f = (q: TripQuality) =>
      `${q.hardViolations}/${q.daysWithoutVisit}/${q.daysWithoutLunch}/${q.daysWithoutDinner}/${q.repeatedRestaurants}`;
    console.log(
      `  ${r.id.padEnd(32)} ${f(r.day)}${r.pinPlanned === false ? ' pin missed' : ''}  ${f(r.variation)}  ${(100 * r.changedShare).toFixed(0)}%  ${r.ms.toFixed(0)}`,
    );
  }
}

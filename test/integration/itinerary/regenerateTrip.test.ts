import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { checkDays } from '../../../src/shared/itinerary/edit/checkDays.js';
import {
  loadPlanningInputs,
  type PlanningInputs,
} from '../../../src/shared/itinerary/edit/PlanningInputs.js';
import { regeneratedDocument } from '../../../src/shared/itinerary/edit/regeneratedDocument.js';
import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { placeServicesSource } from '../../../src/shared/pipeline/placeServicesSource.js';
import { PlannerItineraryGenerator } from '../../../src/shared/pipeline/PlannerItineraryGenerator.js';
import type { PlaceSource } from '../../../src/shared/planner/PlaceSource.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import type { Trip } from '../../../src/shared/trips/tripSchema.js';
import { sampleTrip } from '../../support/testApp.js';
import { type SandboxPlaceServices, sandboxPlaceServices } from '../places/sandboxPlaceServices.js';

const trip = {
  ...sampleTrip({ startDate: '2026-12-08', endDate: '2026-12-11' }),
  id: 'trip-regen',
  ownerId: 'u',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Trip;

const stops = (doc: ItineraryDocument, date?: string) =>
  doc.days
    .filter((d) => date === undefined || d.date === date)
    .flatMap((d) => d.items.filter((i) => (i.kind === 'visit' || i.kind === 'meal') && i.place));
const placeIds = (doc: ItineraryDocument, date?: string) => stops(doc, date).map((i) => i.place!.id);

/**
 * Whole-trip regeneration with a variation seed, through the planner's own whole-trip planning,
 * against the sandbox upstream: a different plan of the same quality, locked days, pins and
 * memos kept.
 */
describe('regenerating the whole trip with a variation', () => {
  let sandbox: RunningSandbox;
  let services: SandboxPlaceServices;
  let source: PlaceSource;
  let generated: ItineraryDocument;
  let inputs: PlanningInputs;

  beforeAll(async () => {
    sandbox = await startSandbox();
    services = await sandboxPlaceServices(sandbox);
    source = placeServicesSource(services.places);
    const generator = new PlannerItineraryGenerator({ source, logger: createLogger(() => {}, 'error') });
    const plan = await generator.generate(
      trip,
      { useLlm: false } as never,
      async () => {},
      AbortSignal.timeout(30_000),
    );
    generated = { tripId: trip.id, jobId: 'j', generatedAt: '', ...plan };
    inputs = await loadPlanningInputs(source, trip, generated);
  });
  afterAll(async () => {
    await services?.close();
    await sandbox?.close();
  });

  const expectGoodPlan = (doc: ItineraryDocument, forTrip: Trip = trip) => {
    const dates = new Set(doc.days.map((d) => d.date));
    expect(checkDays(inputs.request, inputs.context, doc.days, dates).hard).toEqual([]);
    for (const day of doc.days) {
      const items = stops(doc, day.date);
      expect(
        items.some((i) => i.kind === 'visit'),
        day.date,
      ).toBe(true);
      expect(
        items
          .filter((i) => i.kind === 'meal')
          .map((i) => i.meal)
          .sort(),
        day.date,
      ).toEqual(['dinner', 'lunch']);
      for (const item of items) expect(item.reason, item.id).toBeTruthy();
    }
    const ids = placeIds(doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => (forTrip.avoid?.placeIds ?? []).includes(id))).toBe(false);
  };

  it('gives a genuinely different plan of similar quality; the same seed gives the same plan', () => {
    const varied = regeneratedDocument(inputs, trip, generated, { variation: 7 }).next;
    expectGoodPlan(varied);
    const before = placeIds(generated);
    const after = new Set(placeIds(varied));
    const changed = before.filter((id) => !after.has(id)).length / before.length;
    expect(changed).toBeGreaterThanOrEqual(0.3);
    expect(placeIds(regeneratedDocument(inputs, trip, generated, { variation: 7 }).next)).toEqual(
      placeIds(varied),
    );
    expect(placeIds(regeneratedDocument(inputs, trip, generated, { variation: 8 }).next)).not.toEqual(
      placeIds(varied),
    );
  });

  it('plans the unlocked days around a locked middle day, keeping it, its places and memos elsewhere', () => {
    const [first, second] = generated.days;
    const annotated = stops(generated, first!.date).find((i) => i.kind === 'visit')!;
    const doc: ItineraryDocument = {
      ...generated,
      days: generated.days.map((d) =>
        d.date === second!.date
          ? { ...d, locked: true }
          : {
              ...d,
              items: d.items.map((i) => (i.id === annotated.id ? { ...i, memo: 'bring the camera' } : i)),
            },
      ),
    };
    const varied = regeneratedDocument(inputs, trip, doc, { variation: 3 }).next;
    expectGoodPlan(varied);
    expect(varied.days[1]).toEqual(doc.days[1]);
    // No place twice (expectGoodPlan): the locked day's places are planned nowhere else.
    // The annotated stop stays on its day, with its memo and id.
    expect(stops(varied, first!.date).find((i) => i.id === annotated.id)).toMatchObject({
      memo: 'bring the camera',
      place: { id: annotated.place!.id },
    });
  });

  it('plans a pinned place the plan did not have, and leaves out an avoided one', async () => {
    const unplanned = inputs.candidates.filter(
      (p) => p.category !== 'restaurant' && !placeIds(generated).includes(p.id),
    );
    const avoided = placeIds(generated)[0]!;
    for (const pin of unplanned.slice(0, 5)) {
      const pinned = { ...trip, mustVisit: [pin.id], avoid: { placeIds: [avoided] } } as Trip;
      const pinnedInputs = await loadPlanningInputs(source, pinned, generated, [pin.id]);
      const { next, warnings } = regeneratedDocument(pinnedInputs, pinned, generated, { variation: 11 });
      expect(placeIds(next)).not.toContain(avoided);
      // Planned, or reported with why (a pin closed on every day of the trip cannot be planned).
      const planned = placeIds(next).includes(pin.id);
      const reported = warnings.some((w) => w.code === 'must_visit_unscheduled' && w.placeId === pin.id);
      expect(planned !== reported, pin.id).toBe(true);
      if (planned) return;
    }
    throw new Error('no candidate could be pinned');
  });
});

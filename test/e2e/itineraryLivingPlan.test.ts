import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseHhmm } from '../../src/shared/planner/timeOfDay.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { allItems, editingClient, type Itinerary, stopsOfDay } from './editing/editingClient.js';
import { hardViolations } from './editing/hardViolations.js';

interface Alternatives {
  alternatives: { place: { id: string; name: string }; start: string; extraTravelMinutes: number }[];
}

/**
 * The done-when over REST: generate → remove a stop → move one to another day → pin a place
 * and regenerate that day → replace an item with an alternative; the memo and photo survive every step
 * and every intermediate itinerary has no hard violation.
 */
describe('the itinerary as a living plan over REST', () => {
  let local: LocalApp;
  let client: ReturnType<typeof editingClient>;
  let tripId: string;

  beforeAll(async () => {
    local = await startLocalApp();
    client = editingClient(local, 'pat');
    tripId = await client.createTrip();
    await client.generate(tripId);
  });
  afterAll(async () => local?.stop());

  it('generate → remove → move → pin + regenerate a day → replace; memo and photo survive; 0 hard violations', async () => {
    let itinerary = (await client.read(tripId)).itinerary;
    let etag: string;
    const [first, second] = itinerary.days.map((d) => d.date) as [string, string];
    const step = async (res: Response) => {
      expect(res.status, await res.clone().text()).toBe(200);
      itinerary = ((await res.json()) as { itinerary: Itinerary }).itinerary;
      etag = res.headers.get('etag')!;
      expect(await hardViolations(local.app, 'pat', tripId, itinerary)).toEqual([]);
      const kept = allItems(itinerary).find((i) => i.id === annotated.id);
      expect(kept).toMatchObject({ memo: 'bring the camera', attachments: [{ contentType: 'image/png' }] });
    };
    expect(await hardViolations(local.app, 'pat', tripId, itinerary)).toEqual([]);

    const annotated = stopsOfDay(itinerary, first).find((i) => i.kind === 'visit')!;
    const memo = await client.jsonCall(`/api/trips/${tripId}/itinerary/items/${annotated.id}`, 'PATCH', {
      memo: 'bring the camera',
    });
    expect(memo.status).toBe(200);
    const photo = await client.jsonCall(
      `/api/trips/${tripId}/itinerary/items/${annotated.id}/attachments`,
      'POST',
      {
        contentType: 'image/png',
        sizeBytes: 64,
      },
    );
    expect(photo.status).toBe(201);
    ({ itinerary, etag } = await client.read(tripId));

    // Days are planned full: free the longest visit of day two, then move the shortest of day one there.
    const minutes = (i: { start: string; end: string }) => parseHhmm(i.end) - parseHhmm(i.start);
    const visitsByLength = (date: string) =>
      stopsOfDay(itinerary, date)
        .filter((i) => i.kind === 'visit' && i.id !== annotated.id)
        .sort((a, b) => minutes(a) - minutes(b));
    const removable = visitsByLength(second).at(-1)!;
    await step(await client.edit(tripId, etag, [{ op: 'remove', itemId: removable.id }]));
    expect(allItems(itinerary).some((i) => i.place?.id === removable.place!.id)).toBe(false);

    const moving = visitsByLength(first)[0]!;
    await step(await client.edit(tripId, etag, [{ op: 'move', itemId: moving.id, toDate: second }]));
    expect(stopsOfDay(itinerary, second).map((i) => i.id)).toContain(moving.id);

    // Pin a place the plan does not have (one that fits day two), then regenerate that day.
    const onSecond = stopsOfDay(itinerary, second).find((i) => i.kind === 'visit')!;
    const options = (await (
      await local.call('pat', `/api/trips/${tripId}/itinerary/items/${onSecond.id}/alternatives?limit=5`)
    ).json()) as Alternatives;
    expect(options.alternatives.length).toBeGreaterThan(1);
    const pinned = options.alternatives.at(-1)!.place;
    const tripRead = await local.call('pat', `/api/trips/${tripId}`);
    const pin = await client.jsonCall(
      `/api/trips/${tripId}`,
      'PATCH',
      { mustVisit: [pinned.id] },
      {
        'if-match': tripRead.headers.get('etag')!,
      },
    );
    expect(pin.status).toBe(200);
    // Pinning changes what the plan was made from: the itinerary says so (and has a new ETag).
    ({ itinerary, etag } = await client.read(tripId));
    expect(itinerary.stale?.changed).toEqual(['pins and avoids']);
    const firstDayBefore = itinerary.days[0];
    await step(
      await client.jsonCall(
        `/api/trips/${tripId}/itinerary/regenerate`,
        'POST',
        { date: second },
        { 'if-match': etag },
      ),
    );
    expect(stopsOfDay(itinerary, second).map((i) => i.place!.id)).toContain(pinned.id);
    // Day one is as it was, read the same way (GET serves places in the trip's language).
    expect((await client.read(tripId)).itinerary.days[0]).toEqual(firstDayBefore);

    // Replace a stop of day one with its best alternative, in one call.
    const replaced = stopsOfDay(itinerary, first).find((i) => i.kind === 'visit' && i.id !== annotated.id)!;
    const ranked = (await (
      await local.call('pat', `/api/trips/${tripId}/itinerary/items/${replaced.id}/alternatives`)
    ).json()) as Alternatives;
    const best = ranked.alternatives[0]!;
    await step(
      await client.edit(tripId, etag, [{ op: 'replace', itemId: replaced.id, placeId: best.place.id }]),
    );
    expect(stopsOfDay(itinerary, first).map((i) => i.place!.id)).toContain(best.place.id);
    expect(allItems(itinerary).some((i) => i.place?.id === replaced.place!.id)).toBe(false);
  });

  it('a variation regenerates the whole trip differently; locked days stay as they were', async () => {
    let { itinerary, etag } = await client.read(tripId);
    const lock = await client.edit(tripId, etag, [{ op: 'lockDay', date: itinerary.days[0]!.date }]);
    expect(lock.status).toBe(200);
    etag = lock.headers.get('etag')!;
    itinerary = ((await lock.json()) as { itinerary: Itinerary }).itinerary;
    const places = (plan: Itinerary) => stopsOfDay(plan, plan.days[1]!.date).map((i) => i.place!.id);
    const res = await client.jsonCall(
      `/api/trips/${tripId}/itinerary/regenerate`,
      'POST',
      { variation: 7 },
      {
        'if-match': etag,
      },
    );
    expect(res.status).toBe(200);
    const varied = ((await res.json()) as { itinerary: Itinerary }).itinerary;
    expect(varied.days[0]).toEqual(itinerary.days[0]);
    expect(places(varied)).not.toEqual(places(itinerary));
    expect(await hardViolations(local.app, 'pat', tripId, varied)).toEqual([]);

    const refused = await client.jsonCall(
      `/api/trips/${tripId}/itinerary/regenerate`,
      'POST',
      { date: itinerary.days[0]!.date },
      { 'if-match': res.headers.get('etag')! },
    );
    expect(refused.status).toBe(409);
  });

  it('reports a must-visit place that cannot be scheduled, with why', async () => {
    const tripRead = await local.call('pat', `/api/trips/${tripId}`);
    // A place in Busan pinned on a Seoul trip: too far to fit in a day by transit.
    const busan = (await (
      await local.call('pat', '/api/places/search?query=Haeundae&lat=35.1587&lng=129.1604&radius=5000')
    ).json()) as { places: { id: string }[] };
    expect(busan.places.length).toBeGreaterThan(0);
    const pin = await client.jsonCall(
      `/api/trips/${tripId}`,
      'PATCH',
      { mustVisit: [busan.places[0]!.id] },
      {
        'if-match': tripRead.headers.get('etag')!,
      },
    );
    expect(pin.status).toBe(200);
    const { etag } = await client.read(tripId);
    const res = await client.jsonCall(
      `/api/trips/${tripId}/itinerary/regenerate`,
      'POST',
      {},
      { 'if-match': etag },
    );
    expect(res.status).toBe(200);
    const { warnings } = (await res.json()) as {
      warnings: { code: string; message: string; placeId?: string }[];
    };
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'must_visit_unscheduled',
        placeId: busan.places[0]!.id,
        message: expect.stringMatching(/too far|no room|closed/i),
      }),
    );
  });

  it('generation honours the trip: no avoided kind, a must-visit place planned', async () => {
    const search = (await (
      await local.call('pat', '/api/places/search?category=culture&lat=37.5658&lng=126.9751&radius=4000')
    ).json()) as { places: { id: string; category: string }[] };
    const pin = search.places.at(-1)!.id;
    const tripWithPins = await client.createTrip({ mustVisit: [pin], avoid: { kinds: ['nature'] } });
    await client.generate(tripWithPins);
    const { itinerary } = await client.read(tripWithPins);
    const places = allItems(itinerary).flatMap((i) => (i.place ? [i.place] : []));
    expect(places.some((p) => p.category === 'nature')).toBe(false);
    const pinned = places.some((p) => p.id === pin);
    const warned = itinerary.warnings.some((w) => w.code === 'must_visit_unscheduled' && w.placeId === pin);
    expect(pinned || warned).toBe(true);
    expect(pinned).toBe(true);
    expect(await hardViolations(local.app, 'pat', tripWithPins, itinerary)).toEqual([]);
  });
});

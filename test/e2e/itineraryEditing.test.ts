import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseHhmm } from '../../src/shared/planner/timeOfDay.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { allItems, editingClient, type Itinerary, stopsOfDay } from './editing/editingClient.js';
import { hardViolations } from './editing/hardViolations.js';

describe('editing a generated itinerary (local host + Azurite + sandbox)', () => {
  let local: LocalApp;
  let client: ReturnType<typeof editingClient>;
  let tripId: string;

  beforeAll(async () => {
    local = await startLocalApp();
    client = editingClient(local, 'olive');
    tripId = await client.createTrip();
    await client.generate(tripId);
  });
  afterAll(async () => local?.stop());

  const expectValid = async (itinerary: Itinerary) =>
    expect(await hardViolations(local.app, 'olive', tripId, itinerary)).toEqual([]);

  it('memos and photo uploads work on visit and meal items (ids contain "_")', async () => {
    const { itinerary } = await client.read(tripId);
    const visit = allItems(itinerary).find((i) => i.kind === 'visit')!;
    const meal = allItems(itinerary).find((i) => i.kind === 'meal')!;
    expect(visit.id).toContain('_');
    for (const item of [visit, meal]) {
      const memo = await client.jsonCall(`/api/trips/${tripId}/itinerary/items/${item.id}`, 'PATCH', {
        memo: `note on ${item.kind}`,
      });
      expect(memo.status, item.id).toBe(200);
      expect(((await memo.json()) as { memo: string }).memo).toBe(`note on ${item.kind}`);
      const upload = await client.jsonCall(
        `/api/trips/${tripId}/itinerary/items/${item.id}/attachments`,
        'POST',
        {
          contentType: 'image/jpeg',
          sizeBytes: 1000,
        },
      );
      expect(upload.status, item.id).toBe(201);
    }
    const after = allItems((await client.read(tripId)).itinerary);
    expect(after.find((i) => i.id === visit.id)).toMatchObject({ memo: 'note on visit', attachments: [{}] });
    expect(after.find((i) => i.id === meal.id)).toMatchObject({ memo: 'note on meal', attachments: [{}] });
  });

  it('needs If-Match: 428 without, 412 when stale', async () => {
    const { itinerary, etag } = await client.read(tripId);
    const visit = allItems(itinerary).find((i) => i.kind === 'visit')!;
    expect((await client.edit(tripId, undefined, [{ op: 'remove', itemId: visit.id }])).status).toBe(428);
    // A well-formed ETag that is not the current one (a malformed one is a 400, not a 412).
    const stale = etag.startsWith('W/') ? 'W/"0x0"' : '"0x0"';
    expect(stale).not.toBe(etag);
    expect((await client.edit(tripId, stale, [{ op: 'remove', itemId: visit.id }])).status).toBe(412);
    expect((await client.read(tripId)).etag).toBe(etag);
  });

  it('removes a stop and moves one into the freed day, re-timed, memos kept, no hard violations', async () => {
    const { itinerary, etag } = await client.read(tripId);
    const [first, second] = itinerary.days.map((d) => d.date) as [string, string];
    const withMemo = allItems(itinerary).filter((i) => i.memo);
    // The planner fills days: free the longest visit's slot on the second day, then bring the
    // shortest visit of the first day over (the move must fit there without making more room).
    const minutes = (i: { start: string; end: string }) => parseHhmm(i.end) - parseHhmm(i.start);
    const byLength = (date: string, plan: Itinerary) =>
      stopsOfDay(plan, date)
        .filter((i) => i.kind === 'visit')
        .sort((a, b) => minutes(a) - minutes(b));
    const removed = byLength(second, itinerary)
      .filter((i) => !i.memo)
      .at(-1)!;
    const res = await client.edit(tripId, etag, [{ op: 'remove', itemId: removed.id }]);
    expect(res.status).toBe(200);
    const removedPlan = ((await res.json()) as { itinerary: Itinerary }).itinerary;
    expect(allItems(removedPlan).some((i) => i.place?.id === removed.place!.id)).toBe(false);
    await expectValid(removedPlan);

    const moving = byLength(first, removedPlan)[0]!;
    const moved = await client.edit(tripId, res.headers.get('etag')!, [
      { op: 'move', itemId: moving.id, toDate: second },
    ]);
    expect(moved.status, await moved.clone().text()).toBe(200);
    const movedPlan = ((await moved.json()) as { itinerary: Itinerary }).itinerary;
    expect(stopsOfDay(movedPlan, second).map((i) => i.id)).toContain(moving.id);
    expect(stopsOfDay(movedPlan, first).map((i) => i.id)).not.toContain(moving.id);
    await expectValid(movedPlan);
    // The edit's answer reads like the next GET: the same places, in the trip's language.
    const names = (plan: Itinerary) => allItems(plan).flatMap((i) => (i.place ? [i.place.name] : []));
    expect(names(movedPlan)).toEqual(names((await client.read(tripId)).itinerary));
    for (const item of withMemo)
      expect(allItems(movedPlan).find((i) => i.id === item.id)).toMatchObject({
        memo: item.memo,
        attachments: item.attachments,
      });
  });

  it('refuses an edit that breaks the day with 409 and the reason; force applies it with warnings', async () => {
    const { itinerary, etag } = await client.read(tripId);
    const visit = allItems(itinerary).find((i) => i.kind === 'visit')!;
    const ops = [{ op: 'setDuration', itemId: visit.id, minutes: 600 }];
    const refused = await client.edit(tripId, etag, ops);
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { code: string; errors: { message: string }[] };
    expect(problem.code).toBe('conflict');
    expect(problem.errors.length).toBeGreaterThan(0);
    expect((await client.read(tripId)).etag).toBe(etag);

    const forced = await client.edit(tripId, etag, ops, true);
    expect(forced.status).toBe(200);
    const body = (await forced.json()) as { itinerary: Itinerary; warnings: { code: string }[] };
    expect(body.warnings.length).toBeGreaterThan(0);
    expect(allItems(body.itinerary).find((i) => i.id === visit.id)!.durationMinutes).toBe(600);
  });

  it('keeps versions and restores one; a locked day refuses edits', async () => {
    const versions = (await (
      await local.call('olive', `/api/trips/${tripId}/itinerary/versions`)
    ).json()) as {
      versions: { revision: number; reason: string }[];
    };
    expect(versions.versions.length).toBeGreaterThanOrEqual(3);
    const { etag } = await client.read(tripId);
    const oldest = versions.versions.at(-1)!;
    const restored = await local.call(
      'olive',
      `/api/trips/${tripId}/itinerary/versions/${oldest.revision}/restore`,
      {
        method: 'POST',
        headers: { 'if-match': etag },
      },
    );
    expect(restored.status).toBe(200);
    const plan = (await restored.json()) as Itinerary;
    await expectValid(plan);
    expect(allItems(plan).some((i) => i.durationMinutes === 600)).toBe(false);

    const date = plan.days[0]!.date;
    const locked = await client.edit(tripId, restored.headers.get('etag')!, [{ op: 'lockDay', date }]);
    expect(locked.status).toBe(200);
    const visit = stopsOfDay(((await locked.json()) as { itinerary: Itinerary }).itinerary, date)[0]!;
    const refused = await client.edit(tripId, locked.headers.get('etag')!, [
      { op: 'remove', itemId: visit.id },
    ]);
    expect(refused.status).toBe(409);
  });

  it('changing the dates marks the itinerary stale with what changed; regenerating clears it', async () => {
    const tripRead = await local.call('olive', `/api/trips/${tripId}`);
    const moved = await client.jsonCall(
      `/api/trips/${tripId}`,
      'PATCH',
      { startDate: '2027-01-14', endDate: '2027-01-15' },
      { 'if-match': tripRead.headers.get('etag')! },
    );
    expect(moved.status).toBe(200);
    const { itinerary, etag } = await client.read(tripId);
    expect(itinerary.stale).toMatchObject({ changed: ['dates'] });
    // Editing a day the trip no longer has is a conflict, not a crash.
    const oldDay = stopsOfDay(itinerary, itinerary.days.at(-1)!.date)[0]!;
    const stale = await client.edit(tripId, etag, [{ op: 'setDuration', itemId: oldDay.id, minutes: 30 }]);
    expect(stale.status).toBe(409);
    expect(
      (await local.call('olive', `/api/trips/${tripId}/itinerary/items/${oldDay.id}/alternatives`)).status,
    ).toBe(409);

    const res = await client.jsonCall(
      `/api/trips/${tripId}/itinerary/regenerate`,
      'POST',
      {},
      { 'if-match': etag },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const fresh = ((await res.json()) as { itinerary: Itinerary }).itinerary;
    expect(fresh.stale).toBeUndefined();
    expect(fresh.days.map((d) => d.date)).toEqual(['2027-01-14', '2027-01-15']);
    expect(fresh.days.every((d) => d.items.some((i) => i.kind === 'visit'))).toBe(true);
    await expectValid(fresh);
    expect((await client.read(tripId)).itinerary.stale).toBeUndefined();
  });
});

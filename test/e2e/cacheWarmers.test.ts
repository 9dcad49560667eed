import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildAppContext } from '../../src/shared/app/buildAppContext.js';
import type { ItineraryDocument } from '../../src/shared/itinerary/ItineraryDocument.js';
import { createLogger } from '../../src/shared/telemetry/Logger.js';
import { tripInputSchema } from '../../src/shared/trips/tripSchema.js';
import { configuredSearches } from '../../src/shared/warmers/PopularWarmer.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { itWithRedis, redisUrl } from '../support/redisTest.js';
import { sandboxEnv } from '../support/sandboxEnv.js';
import { sampleTrip, testEnv } from '../support/testApp.js';
import { waitFor, waitForJob } from '../support/waitFor.js';
import { hardViolations } from './editing/hardViolations.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('cache warmers and the upcoming-trip verifier (through the local host)', () => {
  let local: LocalApp;

  beforeAll(async () => {
    local = await startLocalApp({ env: { WARMER_UPSTREAM_BUDGET: '60' } });
  });
  afterAll(async () => local?.stop());

  it('after a warm run, the configured searches are cache hits, within the upstream budget', async () => {
    local.sandbox.stats.reset();
    const outcome = await local.host.fireTimer('popular-warmer');
    expect(outcome.ok).toBe(true);
    const upstream = local.sandbox.stats.requests();
    expect(upstream).toBeGreaterThan(0);
    expect(upstream).toBeLessThanOrEqual(60);

    const searches = configuredSearches(local.app.config.warmers);
    let hits = 0;
    for (const params of searches) {
      const query = new URLSearchParams(
        Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
      );
      const res = await local.call('walker', `/api/places/search?${query}`);
      expect(res.status).toBe(200);
      if (((await res.json()) as { cache: string }).cache === 'hit') hits++;
    }
    expect(hits / searches.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never spends more upstream calls than the budget', async () => {
    const small = await buildAppContext(
      testEnv({
        ...sandboxEnv(local.sandbox),
        WARMER_UPSTREAM_BUDGET: '5',
      }),
      { logger: createLogger(() => {}, 'error') },
    );
    local.sandbox.stats.reset();
    const report = await small.warmer.run();
    expect(report).toMatchObject({ ran: true, upstreamCalls: 5 });
    expect(report.deferred).toBeGreaterThan(0);
    expect(local.sandbox.stats.requests()).toBeLessThanOrEqual(5);
    await small.close();
  });

  it('flags a place whose hours changed, repairs that day (trips under way too), keeps memos elsewhere', async () => {
    // Started yesterday: a trip under way is verified as well as one about to start.
    const input = tripInputSchema.parse(sampleTrip({ startDate: day(-1), endDate: day(1) }));
    const { trip } = await local.app.trips.create('vera', input);
    const { job } = await local.app.jobs.submit('vera', trip.id, { useLlm: false });
    // The host's queue listener generates it, as in production; processing it by hand as well raced
    // with the listener and made this test fail about one run in three.
    expect(await waitForJob(local, 'vera', job.jobId)).toMatchObject({ status: 'completed' });
    const before = (await local.app.itineraryStore.get('vera', trip.id)).doc;
    const today = before.days.find((d) => d.date === day(0))!;
    const target = today.items.find((i) => i.kind === 'visit' && i.place?.openingHours?.periods.length)!;
    expect(target).toBeDefined();
    const other = before.days
      .flatMap((d) => d.items)
      .find((i) => i.kind === 'visit' && i.place!.id !== target.place!.id)!;
    await local.app.itineraries.setMemo('vera', trip.id, other.id, 'keep me');

    // The place now closes every day before the planned visit begins.
    local.sandbox.places.patch(target.place!.id, {
      openingHours: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, open: '06:00', close: '07:00' })),
    });
    // The verifier takes a Redis run lock that the apps of other test files running at the same time
    // share; a run that finds it held is skipped (as on a second instance), so fire until one has run.
    const after = await waitFor(
      'the verifier to repair the day',
      async () => {
        const outcome = await local.host.fireTimer('upcoming-trip-verifier');
        expect(outcome.ok).toBe(true);
        const doc = (await local.app.itineraryStore.get('vera', trip.id)).doc as ItineraryDocument;
        return doc.changes?.length ? doc : undefined;
      },
      60_000,
    );

    // Repaired: the closed place is no longer planned, the day says why, the memo elsewhere is intact.
    const items = after.days.flatMap((d) => d.items);
    expect(items.some((i) => i.place?.id === target.place!.id)).toBe(false);
    expect(after.changes).toContainEqual(
      expect.objectContaining({ date: day(0), note: expect.stringContaining(target.place!.name) }),
    );
    expect(after.warnings.map((w) => w.code)).toContain('repaired_hours_changed');
    expect(after.replan).toBeUndefined();
    expect(items.find((i) => i.id === other.id)?.memo).toBe('keep me');
    expect(await hardViolations(local.app, 'vera', trip.id, after)).toEqual([]);

    // A second run finds nothing new to repair.
    await local.host.fireTimer('upcoming-trip-verifier');
    const again = (await local.app.itineraryStore.get('vera', trip.id)).doc;
    expect(again.changes?.length).toBe(after.changes?.length);
    local.sandbox.places.reset();
  });
});

describe('two instances at once', () => {
  itWithRedis('exactly one warmer run does the work (Redis run lock)', async () => {
    const { startSandbox } = await import('../../src/local/sandbox/startSandbox.js');
    const sandbox = await startSandbox();
    sandbox.faults.add({ kind: 'latency', ms: 100 });
    const env = testEnv({
      ...sandboxEnv(sandbox),
      // A database of its own: other test files share the redis-server (its caches and run locks),
      // and a target they already cached would not be refreshed here.
      REDIS_URL: `${redisUrl()}/7`,
      WARMER_UPSTREAM_BUDGET: '4',
    });
    const logger = createLogger(() => {}, 'error');
    const [a, b] = await Promise.all([buildAppContext(env, { logger }), buildAppContext(env, { logger })]);
    await Promise.all([a.redis!.ping(), b.redis!.ping()]);
    await a.redis!.flushdb();
    const reports = await Promise.all([a.warmer.run(), b.warmer.run()]);
    expect(reports.filter((r) => r.ran)).toHaveLength(1);
    expect(reports.find((r) => r.ran)!.upstreamCalls).toBe(4);
    expect(sandbox.stats.requests()).toBe(4);
    await Promise.all([a.close(), b.close(), sandbox.close()]);
  });
});

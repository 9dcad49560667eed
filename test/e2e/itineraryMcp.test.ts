import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callTool, connectMcp, errorOf, resultOf, startMcpApp } from '../integration/mcp/mcpClient.js';
import type { LocalApp } from '../support/localApp.js';
import { sampleTrip } from '../support/testApp.js';
import { allItems, type Itinerary, stopsOfDay } from './editing/editingClient.js';
import { hardViolations } from './editing/hardViolations.js';

interface EditResult {
  itinerary: Itinerary;
  warnings: { code: string }[];
  etag: string;
}

/**
 * An agent with only the MCP endpoint (the SDK's own Client): create a trip, generate, wait, read,
 * edit, read again — then the done-when path: remove → move → pin + regenerate a day → replace with an
 * alternative, the memo surviving and no hard violation at any step.
 */
describe('the itinerary as a living plan over MCP', () => {
  const USER = 'agent-user';
  let local: LocalApp;
  let agent: Client;

  beforeAll(async () => {
    local = await startMcpApp();
    agent = await connectMcp(local.url, USER);
  });
  afterAll(async () => {
    await agent?.close();
    await local?.stop();
  });

  it('plans and adjusts a trip end to end with MCP tools, resources and the plan_trip prompt', async () => {
    const prompt = await agent.getPrompt({
      name: 'plan_trip',
      arguments: { destination: 'Seoul', dates: '2026-12-10 to 2026-12-11' },
    });
    expect(JSON.stringify(prompt.messages)).toContain('create_trip');

    const { trip } = resultOf<{ trip: { id: string } }>(await callTool(agent, 'create_trip', sampleTrip()));
    const tripId = trip.id;
    const listed = resultOf<{ trips: { id: string }[] }>(await callTool(agent, 'list_trips', {}));
    expect(listed.trips.map((t) => t.id)).toContain(tripId);

    const job = resultOf<{ jobId: string }>(await callTool(agent, 'create_itinerary_job', { tripId }));
    for (let i = 0; ; i++) {
      const status = resultOf<{ status: string }>(
        await callTool(agent, 'get_job_status', { jobId: job.jobId }),
      );
      if (status.status === 'completed') break;
      expect(status.status).not.toBe('failed');
      expect(i).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 100));
    }

    const resources = await agent.listResources();
    const uri = `tripgen://trips/${tripId}/itinerary`;
    expect(resources.resources.map((r) => r.uri)).toContain(uri);
    const read = await agent.readResource({ uri });
    let itinerary = JSON.parse((read.contents[0] as { text: string }).text) as Itinerary;
    const [first, second] = itinerary.days.map((d) => d.date) as [string, string];
    const valid = async () => expect(await hardViolations(local.app, USER, tripId, itinerary)).toEqual([]);
    await valid();

    const annotated = stopsOfDay(itinerary, first).find((i) => i.kind === 'visit')!;
    resultOf(
      await callTool(agent, 'set_item_memo', { tripId, itemId: annotated.id, memo: 'grandma loves this' }),
    );
    const memoKept = () =>
      expect(allItems(itinerary).find((i) => i.id === annotated.id)?.memo).toBe('grandma loves this');

    const edit = async (operations: unknown[]) => {
      const r = resultOf<EditResult>(await callTool(agent, 'edit_itinerary', { tripId, operations }));
      itinerary = r.itinerary;
      await valid();
      memoKept();
    };
    const removed = stopsOfDay(itinerary, second).find((i) => i.kind === 'visit')!;
    await edit([{ op: 'remove', itemId: removed.id }]);
    const moving = stopsOfDay(itinerary, first).find((i) => i.kind === 'visit' && i.id !== annotated.id)!;
    await edit([{ op: 'move', itemId: moving.id, toDate: second }]);
    expect(stopsOfDay(itinerary, second).map((i) => i.id)).toContain(moving.id);

    const onSecond = stopsOfDay(itinerary, second).find((i) => i.kind === 'visit')!;
    const options = resultOf<{ alternatives: { place: { id: string } }[] }>(
      await callTool(agent, 'get_alternatives', { tripId, itemId: onSecond.id }),
    );
    const pinned = options.alternatives.at(-1)!.place.id;
    resultOf(await callTool(agent, 'update_trip', { tripId, patch: { mustVisit: [pinned] } }));
    const regenerated = resultOf<EditResult>(
      await callTool(agent, 'regenerate_itinerary', { tripId, date: second }),
    );
    itinerary = regenerated.itinerary;
    await valid();
    memoKept();
    expect(stopsOfDay(itinerary, second).map((i) => i.place!.id)).toContain(pinned);

    const replaced = stopsOfDay(itinerary, first).find((i) => i.kind === 'visit' && i.id !== annotated.id)!;
    const best = resultOf<{ alternatives: { place: { id: string } }[] }>(
      await callTool(agent, 'get_alternatives', { tripId, itemId: replaced.id }),
    ).alternatives[0]!;
    await edit([{ op: 'replace', itemId: replaced.id, placeId: best.place.id }]);

    const again = resultOf<Itinerary>(await callTool(agent, 'get_itinerary', { tripId }));
    expect(stopsOfDay(again, first).map((i) => i.place!.id)).toContain(best.place.id);

    const refused = errorOf(
      await callTool(agent, 'edit_itinerary', {
        tripId,
        operations: [{ op: 'setDuration', itemId: annotated.id, minutes: 600 }],
      }),
    );
    expect(refused.code).toBe('conflict');
  });

  it("another user's itinerary is not a resource of mine", async () => {
    const stranger = await connectMcp(local.url, 'someone-else');
    const list = await stranger.listResources();
    expect(list.resources).toEqual([]);
    await expect(stranger.readResource({ uri: 'tripgen://trips/nope/itinerary' })).rejects.toThrow(
      /not found/i,
    );
    await stranger.close();
  });
});

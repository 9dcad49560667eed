import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import type { Place } from '../../../src/shared/domain/place.js';
import { callTool } from '../../../src/shared/mcp/callTool.js';
import { defineTool, type McpTool } from '../../../src/shared/mcp/McpTool.js';
import { searchPlacesTool } from '../../../src/shared/mcp/placeTools.js';
import type { PlaceSearchResult } from '../../../src/shared/places/PlaceSearchService.js';
import { createLogger } from '../../../src/shared/telemetry/Logger.js';
import { makePlace } from '../../fixtures/planner/planFixtures.js';

const logger = createLogger(() => {}, 'error');
const scopeOf = (app: Partial<AppContext> = {}) => ({
  app: { logger, ...app } as AppContext,
  principal: { userId: 'u' },
  signal: new AbortController().signal,
});
const byName = (...tools: McpTool[]) => new Map(tools.map((t) => [t.name, t]));

describe('callTool: arguments validated once per distinct call, remembered results rendered once', () => {
  it('hands a read-only tool the same deeply frozen arguments for the same call, a writing tool fresh ones', async () => {
    const seen: unknown[] = [];
    const input = z.object({ at: z.object({ lat: z.number() }), n: z.number().default(3) }).strict();
    const reader = defineTool({
      name: 'reader',
      title: 'r',
      description: 'r',
      input,
      readOnly: true,
      run: async (args) => (seen.push(args), args),
      render: () => 'r',
    });
    const writer = { ...reader, name: 'writer', readOnly: false };
    const tools = byName(reader as McpTool, writer as McpTool);
    for (const name of ['reader', 'reader', 'writer', 'writer'])
      await callTool(tools, { name, arguments: { at: { lat: 1 } } }, scopeOf());
    await callTool(tools, { name: 'reader', arguments: { at: { lat: 2 } } }, scopeOf());

    const [r1, r2, w1, w2, other] = seen as { at: object; n: number }[];
    expect(r1).toBe(r2);
    expect(Object.isFrozen(r1) && Object.isFrozen(r1!.at)).toBe(true);
    expect(r1).toEqual({ at: { lat: 1 }, n: 3 });
    expect(w1).not.toBe(w2);
    expect(Object.isFrozen(w1)).toBe(false);
    expect(other).toEqual({ at: { lat: 2 }, n: 3 });
  });

  it('keys arguments exactly: an overflowing number (Infinity) is not taken for the null it stringifies to', async () => {
    const tool = defineTool({
      name: 'coerce',
      title: 't',
      description: 't',
      input: z.object({ n: z.coerce.number() }).strict(),
      readOnly: true,
      run: async ({ n }) => ({ n }),
      render: (r) => String(r.n),
    });
    const tools = byName(tool as McpTool);
    // What JSON.parse makes of {"n":1e400}: rejected, and not remembered for {"n":null}.
    const overflow = await callTool(tools, { name: 'coerce', arguments: { n: Infinity } }, scopeOf());
    expect(overflow).toMatchObject({ isError: true, structuredContent: { code: 'validation_failed' } });
    const nulled = await callTool(tools, { name: 'coerce', arguments: { n: null } }, scopeOf());
    expect(nulled).toMatchObject({ structuredContent: { n: 0 } });
    const again = await callTool(tools, { name: 'coerce', arguments: { n: Infinity } }, scopeOf());
    expect(again).toMatchObject({ isError: true });
  });

  it('answers invalid arguments as invalid every time', async () => {
    const tool = defineTool({
      name: 't',
      title: 't',
      description: 't',
      input: z.object({ n: z.number() }).strict(),
      readOnly: true,
      run: async () => ({}),
      render: () => '',
    });
    for (let i = 0; i < 2; i++) {
      const result = await callTool(byName(tool as McpTool), { name: 't', arguments: { n: 'x' } }, scopeOf());
      expect(result).toMatchObject({ isError: true, structuredContent: { code: 'validation_failed' } });
    }
  });

  it('renders a frozen (remembered) result once and answers with the same frozen answer; others every time', async () => {
    let renders = 0;
    const remembered = Object.freeze({ v: 1 });
    const tool = defineTool({
      name: 't',
      title: 't',
      description: 't',
      input: z.object({ fresh: z.boolean() }).strict(),
      readOnly: true,
      run: async ({ fresh }) => (fresh ? { v: 1 } : remembered),
      render: (r) => `v=${r.v} #${++renders}`,
    });
    const tools = byName(tool as McpTool);
    const a = await callTool(tools, { name: 't', arguments: { fresh: false } }, scopeOf());
    const b = await callTool(tools, { name: 't', arguments: { fresh: false } }, scopeOf());
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.content).toEqual([{ type: 'text', text: 'v=1 #1' }]);
    await callTool(tools, { name: 't', arguments: { fresh: true } }, scopeOf());
    const d = await callTool(tools, { name: 't', arguments: { fresh: true } }, scopeOf());
    expect(d.content).toEqual([{ type: 'text', text: 'v=1 #3' }]);
    // Another tool returning the same frozen object renders it its own way.
    const other = { ...tool, name: 'other', render: () => 'other rendering' } as McpTool;
    const e = await callTool(byName(other), { name: 'other', arguments: { fresh: false } }, scopeOf());
    expect(e.content).toEqual([{ type: 'text', text: 'other rendering' }]);
  });
});

describe('search_places: one built result per cached page, fields and paging', () => {
  const page: Place[] = [
    makePlace({ id: 'google:a', name: 'A', category: 'culture' }),
    makePlace({ id: 'google:b', name: 'B', category: 'nature' }),
  ];
  function appServing(result: () => PlaceSearchResult, warnings: { code: string; message: string }[] = []) {
    return {
      places: { search: { search: async () => result() } },
      localizer: { localize: async (places: Place[]) => ({ value: places, warnings }) },
    } as unknown as AppContext;
  }
  const hit = (): PlaceSearchResult => ({
    places: page,
    provider: 'google',
    page: 1,
    hasMore: true,
    cache: 'hit',
  });
  const run = (app: AppContext, args: Record<string, unknown>) =>
    callTool(byName(searchPlacesTool as McpTool), { name: 'search_places', arguments: args }, scopeOf(app));
  const args = { query: 'museum', lat: 35.6586, lng: 139.7454, language: 'en' };

  it('answers a repeated search from the same page with the same answer, and a new one when anything differs', async () => {
    const app = appServing(hit);
    const first = await run(app, args);
    expect(await run(app, args)).toBe(first);
    expect(await run(app, { ...args, fields: ['phone'] })).not.toBe(first);
    const miss = await run(
      appServing(() => ({ ...hit(), cache: 'miss' })),
      args,
    );
    expect(miss).not.toBe(first);
    expect(miss.structuredContent).toMatchObject({ cache: 'miss' });
    expect(first.structuredContent).toMatchObject({
      cache: 'hit',
      places: [{ id: 'google:a' }, { id: 'google:b' }],
    });
  });

  it('does not remember a page whose localization was degraded', async () => {
    const otherPage = [...page]; // a page not localized before (localized pages are remembered too)
    const app = appServing(
      () => ({ ...hit(), places: otherPage }),
      [{ code: 'translation_unavailable', message: 'later' }],
    );
    const first = await run(app, args);
    expect(first.structuredContent).toMatchObject({ warnings: [{ code: 'translation_unavailable' }] });
    expect(await run(app, args)).not.toBe(first);
  });
});

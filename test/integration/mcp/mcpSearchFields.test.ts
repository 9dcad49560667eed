import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Place } from '../../../src/shared/domain/place.js';
import type { LocalApp } from '../../support/localApp.js';
import { callTool, connectMcp, errorOf, resultOf, startMcpApp } from './mcpClient.js';

const TOKYO_TOWER = { lat: 35.6586, lng: 139.7454 };
const SEARCH = { query: 'restaurant', ...TOKYO_TOWER, language: 'en' };

/** The bytes of the JSON-RPC `result` as it travels (structuredContent + text). */
const bytes = (result: CallToolResult) => Buffer.byteLength(JSON.stringify(result));

describe('search_places result size: bulky fields only when asked for (`fields`)', () => {
  let local: LocalApp;
  let client: Client;

  beforeAll(async () => {
    local = await startMcpApp();
    client = await connectMcp(local.url, 'mcp-fields');
    await client.listTools(); // the client checks every result against the listed outputSchema
  });
  afterAll(async () => {
    await client?.close();
    await local?.stop();
  });

  it('leaves out hours, phone, url and categories by default, keeping what picking a place needs', async () => {
    const result = await callTool(client, 'search_places', SEARCH);
    const { places } = resultOf<{ places: Place[] }>(result);
    expect(places.length).toBeGreaterThan(1);
    for (const place of places) {
      expect(place).toMatchObject({ id: expect.stringMatching(/^google:/), name: expect.any(String) });
      expect(place).toHaveProperty('location');
      expect(place).toHaveProperty('address');
      for (const field of ['openingHours', 'phone', 'url', 'categories'])
        expect(place).not.toHaveProperty(field);
    }
  });

  it('adds the fields asked for, exactly as get_place_details/REST have them, and says what it costs', async () => {
    const slim = await callTool(client, 'search_places', SEARCH);
    const full = await callTool(client, 'search_places', {
      ...SEARCH,
      fields: ['openingHours', 'phone', 'url', 'categories'],
    });
    const withHours = await callTool(client, 'search_places', { ...SEARCH, fields: ['openingHours'] });
    const rest = (await (
      await local.call(
        'mcp-fields',
        `/api/places/search?query=restaurant&lat=35.6586&lng=139.7454&language=en`,
      )
    ).json()) as { places: Place[] };

    expect(resultOf<{ places: Place[] }>(full).places).toEqual(rest.places);
    const hoursOnly = resultOf<{ places: Place[] }>(withHours).places;
    expect(hoursOnly.some((p) => p.openingHours)).toBe(true);
    expect(hoursOnly.every((p) => p.phone === undefined && p.categories === undefined)).toBe(true);
    expect(bytes(slim)).toBeLessThan(bytes(full) * 0.6);
  });

  it('rejects an unknown field with its path', async () => {
    const error = errorOf(await callTool(client, 'search_places', { ...SEARCH, fields: ['reviews'] }));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('fields.0');
  });
});

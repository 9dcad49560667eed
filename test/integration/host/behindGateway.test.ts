import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type LocalApp, startLocalApp } from '../../support/localApp.js';
import { tokenFor } from '../../support/testApp.js';

/** The header API Management moves the traveller's token to (policies/api.xml, app setting in functionApp.bicep). */
const USER_TOKEN_HEADER = 'x-tripgen-user-authorization';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: { type?: string; pattern?: string };
}
type Operation = { parameters?: Parameter[] };
const openApi = JSON.parse(readFileSync('openapi/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

/** GET operations with required query parameters, from the document API Management imports. */
const withRequiredQuery = Object.entries(openApi.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method]) => method === 'get')
    .map(([, op]) => ({ path, params: (op.parameters ?? []).filter((p) => p.in === 'query' && p.required) }))
    .filter((op) => op.params.length > 0),
);

/** A valid value for a parameter, by its schema (coordinates in Seoul, where the sandbox has places). */
function sampleValue(param: Parameter): string {
  if (param.schema.type === 'number') return param.name === 'lng' ? '126.978' : '37.5665';
  if (param.schema.pattern?.includes(',')) return param.name === 'to' ? '37.5796,126.977' : '37.5665,126.978';
  return '서울 종로구 사직로 161';
}

/**
 * The app as API Management calls it: with translateRequiredQueryParameters 'query' the gateway forwards
 * path and query string as the client sent them (the default 'template' would have made required query
 * parameters part of the URL template, answering 404 itself when one is missing). And the traveller's token
 * arrives in its own header, because Authorization carries the gateway's identity token.
 */
describe('the app behind API Management', () => {
  let local: LocalApp;
  beforeAll(async () => {
    local = await startLocalApp({ env: { AUTH_TOKEN_HEADER: USER_TOKEN_HEADER } });
  });
  afterAll(async () => local?.stop());

  const asGateway = async (user: string, pathAndQuery: string) =>
    fetch(`${local.url}/api${pathAndQuery}`, {
      headers: {
        // What App Service Authentication checked; the app itself does not read it.
        authorization: 'Bearer gateway-identity-token',
        [USER_TOKEN_HEADER]: `Bearer ${await tokenFor(user)}`,
      },
    });

  it('covers every required query parameter of the OpenAPI document', () => {
    expect(withRequiredQuery.flatMap((op) => op.params.map((p) => `${op.path}?${p.name}`)).sort()).toEqual(
      [
        '/geocode?address',
        '/recommendations?lat',
        '/recommendations?lng',
        '/reverse-geocode?lat',
        '/reverse-geocode?lng',
        '/routes?from',
        '/routes?to',
      ].sort(),
    );
    for (const op of withRequiredQuery)
      for (const param of op.params)
        if (param.schema.pattern) expect(sampleValue(param)).toMatch(new RegExp(param.schema.pattern));
  });

  for (const op of withRequiredQuery) {
    it(`GET ${op.path}: the required query parameters reach the app, which answers 400 (not 404) without one`, async () => {
      const query = (params: Parameter[]) =>
        new URLSearchParams(params.map((p): [string, string] => [p.name, sampleValue(p)])).toString();
      const complete = await asGateway('traveller-1', `${op.path}?${query(op.params)}`);
      expect(complete.status).toBe(200);
      for (const missing of op.params) {
        const response = await asGateway(
          'traveller-1',
          `${op.path}?${query(op.params.filter((p) => p !== missing))}`,
        );
        expect(response.status, `${op.path} without ${missing.name}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(JSON.stringify(await response.json())).toContain(missing.name);
      }
    });
  }

  it("takes the user from the traveller's token in its header, never from Authorization", async () => {
    const created = await fetch(`${local.url}/api/trips`, {
      headers: { authorization: `Bearer ${await tokenFor('traveller-2')}` },
    });
    expect(created.status).toBe(401);
    const own = await asGateway('traveller-2', '/trips');
    expect(own.status).toBe(200);
  });
});

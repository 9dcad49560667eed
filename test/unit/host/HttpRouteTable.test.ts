import { describe, expect, it } from 'vitest';

import type { FunctionDefinition } from '../../../src/local/host/FunctionDefinition.js';
import { HttpRouteTable } from '../../../src/local/host/http/HttpRouteTable.js';

function httpFunction(name: string, trigger: Record<string, unknown>): FunctionDefinition {
  const binding = { name: 'req', type: 'httpTrigger', direction: 'in' as const, ...trigger };
  return {
    name,
    kind: 'http',
    trigger: binding,
    options: { trigger: binding, extraInputs: [], extraOutputs: [] },
    handler: () => undefined,
    source: undefined,
  };
}

describe('HttpRouteTable', () => {
  const table = new HttpRouteTable(
    [
      httpFunction('placeDetails', { route: 'places/{id}', methods: ['GET'] }),
      httpFunction('placeSearch', { route: 'places/search', methods: ['GET'] }),
      httpFunction('health', { methods: ['GET'] }),
      httpFunction('defaults', { route: 'defaults' }),
    ],
    'api',
  );

  it('prefers the literal route over a parameter at the same position', () => {
    const match = table.match('GET', '/api/places/search');
    expect(match.kind === 'found' && match.route.definition.name).toBe('placeSearch');
    const byId = table.match('get', '/api/places/kakao%3A1');
    expect(byId).toMatchObject({ kind: 'found', params: { id: 'kakao:1' } });
  });

  it('uses the function name as the route when none is given, under the prefix', () => {
    expect(table.match('GET', '/api/health')).toMatchObject({ kind: 'found' });
    expect(table.match('GET', '/health')).toEqual({ kind: 'notFound' });
  });

  it('defaults to GET and POST, and reports the methods a path has', () => {
    expect(table.match('POST', '/api/defaults')).toMatchObject({ kind: 'found' });
    expect(table.match('DELETE', '/api/defaults')).toEqual({
      kind: 'methodNotRouted',
      allowed: ['GET', 'POST'],
    });
  });

  it('works with an empty route prefix', () => {
    const bare = new HttpRouteTable([httpFunction('health', { methods: ['GET'] })], '');
    expect(bare.match('GET', '/health')).toMatchObject({ kind: 'found' });
    expect(bare.routes[0]!.path).toBe('/health');
  });
});

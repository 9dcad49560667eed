import { describe, expect, it } from 'vitest';

import { mcpRequestCost } from '../../../src/shared/mcp/mcpRequestCost.js';
import { MCP_TOOLS } from '../../../src/shared/mcp/mcpTools.js';

const point = { lat: 37.5, lng: 127 };
const matrix = (o: number, d: number, id = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: {
    name: 'compute_route_matrix',
    arguments: { origins: Array(o).fill(point), destinations: Array(d).fill(point) },
  },
});
const cost = (body: unknown) => mcpRequestCost(Buffer.from(JSON.stringify(body)), MCP_TOOLS);

describe('mcpRequestCost', () => {
  it('sums matrix elements over a batch; reads are not writes', () => {
    expect(cost([matrix(25, 25, 1), matrix(2, 3, 2)])).toEqual({ matrixElements: 631, writes: false });
    expect(cost(matrix(4, 4))).toEqual({ matrixElements: 16, writes: false });
  });

  it('does not count calls that will fail validation', () => {
    expect(cost([matrix(200, 200), matrix(0, 1)]).matrixElements).toBe(0);
  });

  it('marks a body with a write tool or an unknown method as writing', () => {
    const call = (name: string) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name } });
    expect(cost([matrix(1, 1), call('delete_trip')]).writes).toBe(true);
    expect(cost(call('no_such_tool')).writes).toBe(true);
    expect(cost({ jsonrpc: '2.0', id: 1, method: 'tools/list' }).writes).toBe(false);
  });

  it('costs nothing when the body is not JSON', () => {
    expect(mcpRequestCost(Buffer.from('{'), MCP_TOOLS)).toEqual({ matrixElements: 0, writes: false });
  });
});

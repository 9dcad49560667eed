import type { IncomingHttpHeaders } from 'node:http';
import { inspect } from 'node:util';

import { describe, expect, it } from 'vitest';

import { IncomingHeaders } from '../../../src/local/host/http/IncomingHeaders.js';

/** Node's parsed map as the host saw it: lowercase names, repeats already combined by Node. */
const NODE_HEADERS: IncomingHttpHeaders = {
  host: 'localhost:7071',
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  cookie: 'a=1; b=2',
  'x-forwarded-for': '10.0.0.1, 10.0.0.2',
  'set-cookie': ['one=1', 'two=2'],
};

/** The full copy the host made before: every header appended, repeats joined as HTTP allows. */
function fullCopy(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    headers.append(name, Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value);
  }
  return headers;
}

/** What a call returns, or the kind of error it throws. */
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

const NAMES = [
  'host',
  'Content-Type',
  'ACCEPT',
  'cookie',
  'x-forwarded-for',
  'set-cookie',
  'if-none-match',
  'mcp-protocol-version',
  'constructor',
  '__proto__',
  'toString',
  'bad name',
  '',
  'caf\u00e9',
  // The Kelvin sign lowercases to an ASCII "k": still not a valid name.
  'coo\u212Aie',
  'HOST\u212A',
];

describe('IncomingHeaders: the Headers a handler gets, read from Node’s map on demand', () => {
  it('answers get and has exactly as a full copy does, present, absent, inherited or invalid names', () => {
    for (const name of NAMES) {
      const lazy = new IncomingHeaders(NODE_HEADERS);
      const full = fullCopy(NODE_HEADERS);
      expect(
        outcome(() => lazy.get(name)),
        `get(${JSON.stringify(name)})`,
      ).toEqual(outcome(() => full.get(name)));
      expect(
        outcome(() => lazy.has(name)),
        `has(${JSON.stringify(name)})`,
      ).toEqual(outcome(() => full.has(name)));
    }
  });

  it('iterates, lists cookies and inspects as the full copy, whatever was read first', () => {
    const lazy = new IncomingHeaders(NODE_HEADERS);
    const full = fullCopy(NODE_HEADERS);
    expect(lazy.get('host')).toBe('localhost:7071');
    expect([...lazy]).toEqual([...full]);
    expect([...lazy.keys()]).toEqual([...full.keys()]);
    expect([...lazy.values()]).toEqual([...full.values()]);
    expect([...new IncomingHeaders(NODE_HEADERS).entries()]).toEqual([...full.entries()]);
    expect(new IncomingHeaders(NODE_HEADERS).getSetCookie()).toEqual(full.getSetCookie());
    const seen: [string, string][] = [];
    new IncomingHeaders(NODE_HEADERS).forEach((value, key) => seen.push([key, value]));
    expect(seen).toEqual([...full]);
    expect(inspect(new IncomingHeaders(NODE_HEADERS))).toBe(inspect(full));
  });

  it('takes changes as Headers does, and later reads see them', () => {
    const lazy = new IncomingHeaders(NODE_HEADERS);
    lazy.set('content-type', 'text/plain');
    lazy.append('x-forwarded-for', '10.0.0.3');
    lazy.delete('cookie');
    expect(lazy.get('content-type')).toBe('text/plain');
    expect(lazy.get('x-forwarded-for')).toBe('10.0.0.1, 10.0.0.2, 10.0.0.3');
    expect(lazy.has('cookie')).toBe(false);
    expect(lazy.get('host')).toBe('localhost:7071');
    expect(outcome(() => new IncomingHeaders({}).set('bad name', 'x'))).toMatchObject({ error: 'TypeError' });
  });

  it('is a real Headers: Fetch copies it whole into a Request, a Response or new Headers', () => {
    const expected = [...fullCopy(NODE_HEADERS)];
    expect(new IncomingHeaders(NODE_HEADERS)).toBeInstanceOf(Headers);
    expect([...new Headers(new IncomingHeaders(NODE_HEADERS))]).toEqual(expected);
    const request = new Request('http://localhost/', { headers: new IncomingHeaders(NODE_HEADERS) });
    expect(request.headers.get('x-forwarded-for')).toBe('10.0.0.1, 10.0.0.2');
    expect(request.headers.get('accept')).toBe('application/json, text/event-stream');
    const response = new Response(null, { headers: new IncomingHeaders({ 'x-a': '1' }) });
    expect([...response.headers]).toEqual([['x-a', '1']]);
  });
});

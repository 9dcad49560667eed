import type { HttpResponseInit } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { HttpResponse } from '../../../src/local/host/functionsLibrary.js';
import { toPlainResponse } from '../../../src/local/host/http/toPlainResponse.js';
import { toSetCookieHeader } from '../../../src/local/host/http/toSetCookieHeader.js';

/** What the library's own class makes of an init: status, headers (as Node gets them) and bytes. */
async function viaLibrary(init: HttpResponseInit) {
  const response = new HttpResponse(init);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers.entries()) if (name !== 'set-cookie') headers[name] = value;
  const cookies = [...response.headers.getSetCookie(), ...response.cookies.map(toSetCookieHeader)];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const bytes = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  return { status: response.status, headers, body: bytes };
}

async function viaPlain(init: HttpResponseInit) {
  const plain = toPlainResponse(init);
  if (!plain) throw new Error('not taken');
  return {
    status: plain.status,
    headers: plain.headers,
    body: plain.body ? Buffer.from(plain.body) : undefined,
  };
}

const SAME_AS_LIBRARY: [string, HttpResponseInit][] = [
  ['an empty init', {}],
  [
    'bytes with headers',
    {
      status: 200,
      body: Buffer.from('{"a":1}'),
      headers: { 'content-type': 'application/json', etag: '"x"' },
    },
  ],
  ['a string body (text/plain by default)', { status: 201, body: '경복궁' }],
  ['jsonBody (application/json by default)', { jsonBody: { a: [1, 2] }, headers: { 'x-a': 'b' } }],
  [
    'jsonBody with its own content type',
    { jsonBody: { a: 1 }, headers: { 'Content-Type': 'application/problem+json' } },
  ],
  ['304 drops the body', { status: 304, body: Buffer.from('x'), headers: { etag: '"x"' } }],
  ['204 drops jsonBody', { status: 204, jsonBody: { a: 1 } }],
  [
    'mixed-case names and padded values',
    { body: 'x', headers: { 'X-Trace-Id': ' abc ', 'cache-control': 'no-store' } },
  ],
  [
    'cookies after Set-Cookie headers',
    { body: 'x', headers: { 'set-cookie': 'a=1' }, cookies: [{ name: 's', value: 'a b', httpOnly: true }] },
  ],
  ['a Uint8Array body', { body: new Uint8Array([1, 2, 3]) }],
];

describe('toPlainResponse: a plain handler answer as the library would carry it', () => {
  it.each(SAME_AS_LIBRARY)('%s', async (_name, init) => {
    expect(await viaPlain(init)).toEqual(await viaLibrary(init));
  });

  it('drops hop-by-hop headers', () => {
    expect(
      toPlainResponse({ body: 'x', headers: { connection: 'close', 'Transfer-Encoding': 'chunked' } })
        ?.headers,
    ).toEqual({
      'content-type': 'text/plain;charset=UTF-8',
    });
  });

  it.each([
    ['an HttpResponse', new HttpResponse({ body: 'x' })],
    ['a stream body', { body: new ReadableStream() }],
    ['Headers', { body: 'x', headers: new Headers({ a: 'b' }) }],
    ['header pairs', { body: 'x', headers: [['a', 'b']] }],
    ['a status outside 200–599', { status: 100 }],
    ['a fractional status', { status: 200.5 }],
    ['a form body', { body: new FormData() }],
    ['null', null],
    ['a string', 'ok'],
  ])('leaves %s to the library', (_name, result) => {
    expect(toPlainResponse(result)).toBeUndefined();
  });
});

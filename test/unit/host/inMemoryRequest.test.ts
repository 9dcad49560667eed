import { describe, expect, it } from 'vitest';

import { HttpRequest } from '../../../src/local/host/functionsLibrary.js';
import { InMemoryRequest } from '../../../src/local/host/http/InMemoryRequest.js';

const URL_ = 'http://localhost/api/echo?tag=a&tag=b';

function pair(method: string, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers = { 'content-type': 'application/json', 'x-test': 'yes' };
  const real = new Request(URL_, {
    method,
    headers,
    ...(bytes.length > 0 && method !== 'GET' ? { body: bytes } : {}),
  });
  const memory = new InMemoryRequest(URL_, method, new Headers(headers), bytes);
  return { real, memory };
}

/** The outcome of a body read: the value, or the kind of error it fails with. */
async function outcome(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}

describe('InMemoryRequest: what a handler sees is what a Fetch Request shows', () => {
  it('reads text, json and bytes as Fetch does (UTF-8, BOM dropped)', async () => {
    for (const read of ['text', 'json', 'arrayBuffer'] as const) {
      const { real, memory } = pair('POST', '\uFEFF{"name":"경복궁"}');
      const a = await outcome(() => real[read]());
      const b = await outcome(() => memory[read]());
      expect(b).toEqual(a);
      expect(memory.bodyUsed).toBe(real.bodyUsed);
    }
  });

  it('reads a body once: the second read fails like Fetch, and clone() after a read too', async () => {
    const { real, memory } = pair('POST', '{"a":1}');
    await real.text();
    await memory.text();
    expect(await outcome(() => memory.json())).toEqual(await outcome(() => real.json()));
    expect(() => memory.clone()).toThrow(TypeError);
    expect(() => real.clone()).toThrow(TypeError);
    expect(memory.body?.locked).toBe(true);
  });

  it('has no body on GET, reading as empty as often as asked', async () => {
    const { real, memory } = pair('GET', '');
    expect(memory.body).toBe(real.body);
    expect(await memory.text()).toBe(await real.text());
    expect(await memory.text()).toBe('');
    expect(memory.bodyUsed).toBe(false);
  });

  it('streams and clones through a real Request, each clone with its own copy of the body', async () => {
    const { memory } = pair('PUT', 'hello');
    const copy = memory.clone();
    expect(await copy.text()).toBe('hello');
    expect(await new Response(memory.body).text()).toBe('hello');
  });

  it('backs the library HttpRequest: headers, query, params, body and clone', async () => {
    const memory = new InMemoryRequest(
      URL_,
      'POST',
      new Headers({ 'x-test': 'yes' }),
      Buffer.from('{"a":1}'),
    );
    const init = { nativeRequest: memory, params: { id: '7' } };
    const request = new HttpRequest(init as unknown as ConstructorParameters<typeof HttpRequest>[0]);
    expect(request.url).toBe(URL_);
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-test')).toBe('yes');
    expect(request.query.getAll('tag')).toEqual(['a', 'b']);
    expect(request.params).toEqual({ id: '7' });
    expect(await request.clone().json()).toEqual({ a: 1 });
    expect(await request.json()).toEqual({ a: 1 });
    expect(request.bodyUsed).toBe(true);
  });
});

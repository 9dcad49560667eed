import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { preferredEncoding } from '../../../src/shared/http/contentEncoding.js';
import { SerializationMemo } from '../../../src/shared/http/SerializationMemo.js';
import { SerializedJson } from '../../../src/shared/http/SerializedJson.js';
import { serializedResponse } from '../../../src/shared/http/serializedResponse.js';

const big = { places: Array.from({ length: 40 }, (_, i) => ({ id: `google:p${i}`, name: `Place ${i}` })) };

function get(headers: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({ method: 'GET', url: 'http://localhost/api/x', headers });
}

describe('preferredEncoding (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  it('prefers Brotli, then gzip, honours q-values, and is none without the header', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(preferredEncoding('deflate')).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});

describe('serializedResponse', () => {
  it('serves the bytes as they are with a content-hash ETag and Vary', () => {
    const json = SerializedJson.of(big);
    const res = serializedResponse(get(), json, { 'cache-control': 'no-store' });
    expect(res.status).toBe(200);
    expect(JSON.parse((res.body as Buffer).toString())).toEqual(big);
    expect(res.headers).toMatchObject({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      etag: json.etag,
      vary: 'accept-encoding',
    });
    expect(json.etag).toMatch(/^"[\w-]{27}"$/);
    expect(SerializedJson.of(big).etag).toBe(json.etag);
    expect(SerializedJson.of({ ...big, more: 1 }).etag).not.toBe(json.etag);
  });

  it('compresses with Brotli or gzip when accepted, once per coding, with the same ETag', () => {
    const json = SerializedJson.of(big);
    const br = serializedResponse(get({ 'accept-encoding': 'gzip, br' }), json, {});
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', etag: json.etag });
    expect(JSON.parse(brotliDecompressSync(br.body as Buffer).toString())).toEqual(big);
    expect((br.body as Buffer).byteLength).toBeLessThan(json.bytes.byteLength / 3);
    const gz = serializedResponse(get({ 'accept-encoding': 'gzip' }), json, {});
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(gz.body as Buffer).toString())).toEqual(big);
    expect(serializedResponse(get({ 'accept-encoding': 'br' }), json, {}).body).toBe(br.body);
  });

  it('leaves small bodies uncompressed', () => {
    const res = serializedResponse(get({ 'accept-encoding': 'br' }), SerializedJson.of({ a: 1 }), {});
    expect(res.headers).not.toHaveProperty('content-encoding');
    expect((res.body as Buffer).toString()).toBe('{"a":1}');
  });

  it('answers 304 without a body to If-None-Match with the ETag (weak, listed or *), 200 otherwise', () => {
    const json = new SerializedJson('{"v":1}', '"0x8DC1"');
    for (const tag of ['"0x8DC1"', 'W/"0x8DC1"', '"other", "0x8DC1"', '*']) {
      const res = serializedResponse(get({ 'if-none-match': tag }), json, {});
      expect(res.status).toBe(304);
      expect(res.body).toBeUndefined();
      expect(res.headers).toMatchObject({ etag: '"0x8DC1"' });
    }
    expect(serializedResponse(get({ 'if-none-match': '"0x8DC2"' }), json, {}).status).toBe(200);
  });
});

describe('SerializationMemo', () => {
  it('serializes once per value and variant, and again for another value', () => {
    const memo = new SerializationMemo<object>();
    let builds = 0;
    const build = (v: unknown) => () => {
      builds++;
      return SerializedJson.of(v);
    };
    const value = { a: 1 };
    const first = memo.get(value, 'hit', build(value));
    expect(memo.get(value, 'hit', build(value))).toBe(first);
    expect(memo.get(value, 'stale', build(value))).not.toBe(first);
    memo.get({ a: 1 }, 'hit', build(value));
    expect(builds).toBe(3);
  });
});

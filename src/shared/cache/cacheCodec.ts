import { gunzipSync, gzipSync } from 'node:zlib';

/** Values over 1 KB are gzip'd in Redis (docs/architecture.md#cache). The first byte says which. */
const GZIP_THRESHOLD = 1024;
const PLAIN = 0x00;
const GZIP = 0x01;

export function encodeCacheValue(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  if (json.byteLength <= GZIP_THRESHOLD) return Buffer.concat([Buffer.from([PLAIN]), json]);
  return Buffer.concat([Buffer.from([GZIP]), gzipSync(json)]);
}

export function decodeCacheValue<T>(buffer: Buffer): T {
  const body = buffer.subarray(1);
  const json = buffer[0] === GZIP ? gunzipSync(body) : body;
  return JSON.parse(json.toString('utf8')) as T;
}

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import type { ContentCoding } from './contentEncoding.js';

/** Below this, compressing costs more than the bytes it saves. */
const COMPRESS_MIN_BYTES = 1024;

/**
 * A JSON answer serialized once and served as bytes as often as it is asked for: its strong ETag is
 * a hash of the bytes, and each content coding is compressed on first demand and kept.
 */
export class SerializedJson {
  readonly bytes: Buffer;
  readonly etag: string;
  readonly #encoded = new Map<ContentCoding, Buffer>();

  constructor(json: string | Buffer, etag?: string) {
    this.bytes = typeof json === 'string' ? Buffer.from(json, 'utf8') : json;
    this.etag = etag ?? `"${createHash('sha1').update(this.bytes).digest('base64url')}"`;
  }

  static of(value: unknown): SerializedJson {
    return new SerializedJson(JSON.stringify(value));
  }

  /** The bytes in `coding` (undefined: too small to be worth it, or no coding asked for). */
  encoded(coding: ContentCoding | undefined): Buffer | undefined {
    if (!coding || this.bytes.byteLength < COMPRESS_MIN_BYTES) return undefined;
    let body = this.#encoded.get(coding);
    if (!body) {
      body =
        coding === 'br'
          ? // Quality 5: most of Brotli's gain at a fraction of the default (11)'s time.
            brotliCompressSync(this.bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.byteLength,
              },
            })
          : gzipSync(this.bytes);
      this.#encoded.set(coding, body);
    }
    return body;
  }
}

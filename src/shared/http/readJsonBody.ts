import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';

import { AppError } from '../errors/AppError.js';
import { parseOrThrow } from '../errors/validationError.js';
import { parsedOnce } from './parsedOnce.js';

/**
 * Read and validate a JSON body: 415 unless the content type is JSON, 413 past `maxBytes` (checked on
 * Content-Length first, then on the bytes actually read), 400 for malformed JSON or failing fields.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  return parseOrThrow(schema, await readJson(request, maxBytes, false), 'body');
}

/** Like `readJsonBody`, but an absent or empty body is validated as `undefined` (schema defaults apply). */
export async function readOptionalJsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  return parseOrThrow(schema, await readJson(request, maxBytes, true), 'body');
}

async function readJson(request: HttpRequest, maxBytes: number, optional: boolean): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = Buffer.from(await request.arrayBuffer());
  if (buffer.byteLength > maxBytes) throw tooLarge(maxBytes);
  if (optional && buffer.byteLength === 0) return undefined;
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Expected application/json', {
      detail: 'Send the body as application/json',
    });
  }
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch (cause) {
    throw new AppError('validation_failed', 'Malformed JSON', {
      detail: 'The body is not valid JSON',
      errors: [{ path: 'body', message: 'not valid JSON' }],
      cause,
    });
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', 'Body too large', {
    detail: `The body must be at most ${maxBytes} bytes`,
  });
}

/** Validate the query string against a zod object schema (values arrive as strings: use z.coerce). */
export function readQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.output<S> {
  const query: Record<string, string> = {};
  for (const [key, value] of request.query.entries()) query[key] = value;
  return parseOrThrow(schema, query, 'query');
}

/**
 * `readQuery` for a hot path whose clients repeat the same queries (a cached search): the parsed,
 * deeply frozen result is remembered per schema by the raw query string (`parsedOnce`), so a repeat
 * is neither walked nor validated again. Only for schemas whose output depends on the query alone (no
 * defaults from the clock). Invalid queries are not remembered: they throw as `readQuery` does.
 */
export function readQueryOnce<S extends z.ZodType>(request: HttpRequest, schema: S): Readonly<z.output<S>> {
  const at = request.url.indexOf('?');
  const raw = at < 0 ? '' : request.url.slice(at + 1);
  return parsedOnce(schema, raw, () => readQuery(request, schema)) as Readonly<z.output<S>>;
}

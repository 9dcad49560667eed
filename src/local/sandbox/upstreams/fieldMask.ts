import { header, type SandboxRequest, type SandboxResponse } from '../sandboxHttp.js';
import { googleError } from './googleAnswers.js';

/** A parsed field mask: `*`, or dotted paths. */
export type FieldMask = '*' | string[][];

/**
 * The request's field mask (`X-Goog-FieldMask`, or `$fields`/`fields`). Google requires one:
 * without it, 400 INVALID_ARGUMENT. Each path's fields are checked against `known` (a tree of the
 * response's field names, `true` = leaf or not checked deeper) so a typo fails like Google's.
 */
export function readFieldMask(req: SandboxRequest, known: KnownFields): FieldMask | SandboxResponse {
  const raw =
    header(req, 'x-goog-fieldmask') ??
    req.url.searchParams.get('$fields') ??
    req.url.searchParams.get('fields');
  if (raw === undefined || raw === null || raw.trim() === '') {
    return googleError(
      400,
      "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to value 'places.displayName'.",
    );
  }
  if (raw.trim() === '*') return '*';
  const paths = raw.split(',').map((p) => p.trim().split('.'));
  for (const path of paths) {
    let node: KnownFields | true = known;
    for (const segment of path) {
      if (node === true) break;
      const next: KnownFields | true | undefined = node[segment];
      if (next === undefined) {
        return googleError(
          400,
          `Error expanding 'fields' parameter. Cannot find matching fields for path '${path.join('.')}'.`,
        );
      }
      node = next;
    }
  }
  return paths;
}

export interface KnownFields {
  [field: string]: KnownFields | true;
}

/** Keep only the masked fields of `value` (arrays are masked element by element). */
export function applyFieldMask(value: unknown, mask: FieldMask): unknown {
  if (mask === '*') return value;
  return pick(value, mask);
}

function pick(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, paths));
  if (value === null || typeof value !== 'object') return value;
  if (paths.some((p) => p.length === 0)) return value;
  const result: Record<string, unknown> = {};
  const byField = new Map<string, string[][]>();
  for (const [field, ...rest] of paths) byField.set(field!, [...(byField.get(field!) ?? []), rest]);
  for (const [field, rest] of byField) {
    const child = (value as Record<string, unknown>)[field];
    if (child !== undefined) result[field] = pick(child, rest);
  }
  return result;
}

export function isFieldMask(value: FieldMask | SandboxResponse): value is FieldMask {
  return value === '*' || Array.isArray(value);
}

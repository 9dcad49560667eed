import { type RouteConstraint, toRouteConstraint } from './routeConstraints.js';

interface RouteParameter {
  readonly name: string;
  readonly constraints: readonly RouteConstraint[];
  readonly optional: boolean;
  readonly defaultValue: string | undefined;
  readonly catchAll: boolean;
}

/** A compiled route template: `trips/{tripId}`, `items/{id:int}`, `files/{name?}`, `{*rest}`. */
export interface RouteTemplate {
  readonly template: string;
  /** Lower sorts first: literal segments beat constrained parameters, which beat plain ones, then catch-alls. */
  readonly precedence: readonly number[];
  /** Route values for `path` (without query), or undefined when the path does not match. */
  match(path: string): Record<string, string> | undefined;
}

type Part = { kind: 'literal'; text: string } | { kind: 'param'; param: RouteParameter };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Split `{name:c1:c2(a:b)?}` at colons outside parentheses. */
function splitConstraints(body: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ':' && depth === 0) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  return pieces;
}

function parseParameter(token: string, template: string): RouteParameter {
  let body = token;
  const catchAll = body.startsWith('*');
  body = body.replace(/^\*{1,2}/, '');
  let defaultValue: string | undefined;
  const eq = body.indexOf('=');
  if (eq >= 0 && !body.slice(0, eq).includes('(')) {
    defaultValue = body.slice(eq + 1);
    body = body.slice(0, eq);
  }
  const optional = body.endsWith('?');
  if (optional) body = body.slice(0, -1);
  const [name = '', ...constraints] = splitConstraints(body);
  if (!/^[A-Za-z_][\w-]*$/.test(name))
    throw new Error(`route "${template}": bad parameter name "{${token}}"`);
  return { name, optional, defaultValue, catchAll, constraints: constraints.map(toRouteConstraint) };
}

function parseSegment(segment: string, template: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < segment.length) {
    const open = segment.indexOf('{', i);
    if (open < 0) {
      parts.push({ kind: 'literal', text: segment.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'literal', text: segment.slice(i, open) });
    let depth = 0;
    let close = -1;
    for (let j = open + 1; j < segment.length; j++) {
      const ch = segment[j];
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (ch === '}' && depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) throw new Error(`route "${template}": unclosed "{" in segment "${segment}"`);
    parts.push({ kind: 'param', param: parseParameter(segment.slice(open + 1, close), template) });
    i = close + 1;
  }
  return parts;
}

function segmentPrecedence(parts: readonly Part[]): number {
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'literal') return 1;
  if (parts.length > 1) return 2;
  if (only?.kind !== 'param') return 1;
  if (only.param.catchAll) return 5;
  return only.param.constraints.length > 0 ? 3 : 4;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Compile an ASP.NET Core-style route template (what `route:` means in an HTTP trigger). */
export function compileRouteTemplate(template: string): RouteTemplate {
  const segments = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter((s) => s !== '');
  const params: RouteParameter[] = [];
  const precedence: number[] = [];
  let source = '^';
  segments.forEach((segment, index) => {
    const parts = parseSegment(segment, template);
    precedence.push(segmentPrecedence(parts));
    const [only] = parts;
    if (parts.length === 1 && only?.kind === 'param') {
      const { param } = only;
      params.push(param);
      if (param.catchAll) {
        if (index !== segments.length - 1)
          throw new Error(`route "${template}": a catch-all must be the last segment`);
        source += '(?:/(.*))?';
      } else if (param.optional || param.defaultValue !== undefined) {
        source += '(?:/([^/]+))?';
      } else source += '/([^/]+)';
      return;
    }
    source += '/';
    for (const part of parts) {
      if (part.kind === 'literal') source += escapeRegExp(part.text);
      else {
        params.push(part.param);
        source += part.param.optional ? '([^/]*?)' : '([^/]+?)';
      }
    }
  });
  source += '/?$';
  const pattern = new RegExp(source, 'i');

  return {
    template,
    precedence,
    match(path) {
      const found = pattern.exec(path === '' ? '/' : path);
      if (!found) return undefined;
      const values: Record<string, string> = {};
      for (const [i, param] of params.entries()) {
        const raw = found[i + 1];
        if (raw === undefined || raw === '') {
          if (param.defaultValue !== undefined) values[param.name] = param.defaultValue;
          else if (!param.optional && !param.catchAll) return undefined;
          continue;
        }
        const value = param.catchAll ? raw.split('/').map(decode).join('/') : decode(raw);
        if (!param.constraints.every((check) => check(value))) return undefined;
        values[param.name] = value;
      }
      return values;
    },
  };
}

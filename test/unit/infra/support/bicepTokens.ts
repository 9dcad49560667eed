/**
 * A tokenizer for the subset of Bicep that the infra tests read.
 *
 * Why not a library: there is no Bicep compiler on this machine and no network to fetch one, and npm has
 * no Bicep parser (the `bicep-node` package only wraps the downloaded CLI). Regexes alone get strings with
 * `${...}` interpolation, comments and nested objects wrong, so the tests use this tokenizer and the
 * literal parser in `bicepSyntax.ts` instead. They read structure; they do not type-check.
 */

export type TokenKind = 'identifier' | 'string' | 'number' | 'symbol' | 'newline';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the source. */
  readonly start: number;
  /** Offset after the last character in the source. */
  readonly end: number;
}

const TWO_CHAR_SYMBOLS = new Set(['==', '!=', '>=', '<=', '&&', '||', '??', '=>', '?.', '!.']);

/** Split Bicep source into tokens; comments are dropped and runs of line breaks become one `newline`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: source.slice(start, end), start, end });

  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      if (tokens.at(-1)?.kind !== 'newline') push('newline', i, i + 1);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new SyntaxError(`unterminated comment at ${i}`);
      i = close + 2;
    } else if (source.startsWith("'''", i)) {
      const close = source.indexOf("'''", i + 3);
      if (close < 0) throw new SyntaxError(`unterminated multi-line string at ${i}`);
      push('string', i, close + 3);
      i = close + 3;
    } else if (c === "'") {
      const end = scanString(source, i);
      push('string', i, end);
      i = end;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i]!)) i++;
      push('identifier', start, i);
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < source.length && /[0-9.]/.test(source[i]!)) i++;
      push('number', start, i);
    } else {
      const width = TWO_CHAR_SYMBOLS.has(source.slice(i, i + 2)) ? 2 : 1;
      push('symbol', i, i + width);
      i += width;
    }
  }
  return tokens;
}

/** Index after the closing quote of the single-quoted string that starts at `start`. */
function scanString(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') i += 2;
    else if (c === "'") return i + 1;
    else if (source.startsWith('${', i)) i = scanInterpolation(source, i + 2);
    else i++;
  }
  throw new SyntaxError(`unterminated string at ${start}`);
}

/** Index after the `}` that closes an interpolation whose body starts at `start` (strings may nest). */
function scanInterpolation(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "'") {
      i = scanString(source, i);
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
      i++;
    } else {
      i++;
    }
  }
  throw new SyntaxError(`unterminated interpolation at ${start}`);
}

/**
 * The value of a plain string literal token, or undefined when the string interpolates (`${...}`) and
 * therefore has no value before deployment.
 */
export function stringLiteral(token: Token): string | undefined {
  if (token.kind !== 'string') return undefined;
  if (token.text.startsWith("'''")) return token.text.slice(3, -3);
  const body = token.text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[++i];
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : (next ?? '');
    } else if (c === '$' && body[i + 1] === '{') {
      return undefined;
    } else {
      out += c;
    }
  }
  return out;
}

import { stringLiteral, type Token, tokenize } from './bicepTokens.js';

/**
 * Bicep object and array literals as a tree; anything else (function calls, references, ternaries,
 * `for` loops, interpolated strings) stays an `expression` with its source text.
 */
export type BicepNode =
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, BicepNode>; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly BicepNode[]; readonly text: string }
  | { readonly kind: 'expression'; readonly text: string; readonly tokens: readonly Token[] };

/** One top-level statement of a Bicep file. */
export interface Declaration {
  readonly keyword: 'param' | 'var' | 'resource' | 'module' | 'output';
  readonly name: string;
  /** `Microsoft.X/y@version` for resources, the file path for modules. */
  readonly target?: string;
  /** Declared type of a param or output. */
  readonly type?: string;
  /** Resource/module body, var value, param default or output value. */
  readonly value?: BicepNode;
  readonly existing: boolean;
  /** Source of the `if (...)` condition, when the declaration is conditional. */
  readonly condition?: string;
  readonly loop: boolean;
}

const DECLARATION_KEYWORDS = new Set(['param', 'var', 'resource', 'module', 'output']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Parse the top-level declarations of a Bicep file. */
export function parseDeclarations(source: string): Declaration[] {
  const tokens = tokenize(source);
  const reader = new Reader(source, tokens);
  const declarations: Declaration[] = [];
  while (!reader.done()) {
    const token = reader.peek();
    if (token.kind === 'newline') {
      reader.next();
    } else if (token.text === '@') {
      reader.next(); // decorator: @name(args)
      reader.next();
      if (reader.peek()?.text === '(') reader.skipBalanced();
    } else if (token.kind === 'identifier' && DECLARATION_KEYWORDS.has(token.text)) {
      declarations.push(reader.declaration());
    } else {
      reader.skipStatement(); // targetScope, metadata, import, type, func
    }
  }
  return declarations;
}

/** Parse one Bicep value (object/array literal or expression) from source text. */
export function parseValue(source: string): BicepNode {
  return new Reader(source, tokenize(source)).value();
}

class Reader {
  #i = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  done(): boolean {
    return this.#i >= this.tokens.length;
  }

  peek(offset = 0): Token {
    return this.tokens[this.#i + offset]!;
  }

  next(): Token {
    const token = this.tokens[this.#i++];
    if (!token) throw new SyntaxError('unexpected end of Bicep source');
    return token;
  }

  expect(text: string): Token {
    const token = this.next();
    if (token.text !== text)
      throw new SyntaxError(`expected '${text}' at ${token.start}, found '${token.text}'`);
    return token;
  }

  skipNewlines(): void {
    while (!this.done() && this.peek().kind === 'newline') this.#i++;
  }

  /** Skip a bracketed group starting at the current opener; returns the tokens inside it. */
  skipBalanced(): Token[] {
    const open = this.next();
    const stack = [OPENERS[open.text]];
    if (!stack[0]) throw new SyntaxError(`expected a bracket at ${open.start}`);
    const inner: Token[] = [];
    while (stack.length > 0) {
      const token = this.next();
      if (OPENERS[token.text]) stack.push(OPENERS[token.text]);
      else if (token.text === stack.at(-1)) stack.pop();
      if (stack.length > 0) inner.push(token);
    }
    return inner;
  }

  skipStatement(): void {
    while (!this.done() && this.peek().kind !== 'newline') {
      if (OPENERS[this.peek().text]) this.skipBalanced();
      else this.next();
    }
  }

  declaration(): Declaration {
    const keyword = this.next().text as Declaration['keyword'];
    const name = this.next().text;
    if (keyword === 'var') {
      this.expect('=');
      return { keyword, name, value: this.value(), existing: false, loop: false };
    }
    if (keyword === 'param' || keyword === 'output') {
      const type = this.typeText();
      const hasValue = !this.done() && this.peek().text === '=';
      if (hasValue) this.next();
      return {
        keyword,
        name,
        type,
        value: hasValue ? this.value() : undefined,
        existing: false,
        loop: false,
      };
    }
    const target = stringLiteral(this.next());
    const existing = this.peek().text === 'existing';
    if (existing) this.next();
    this.expect('=');
    let condition: string | undefined;
    if (this.peek().text === 'if') {
      this.next();
      const inner = this.skipBalanced();
      condition = inner.length ? this.source.slice(inner[0]!.start, inner.at(-1)!.end) : '';
      this.skipNewlines();
    }
    if (this.peek().text === '[')
      return { keyword, name, target, existing, condition, loop: true, value: this.loopBody() };
    return { keyword, name, target, existing, condition, loop: false, value: this.value() };
  }

  typeText(): string {
    const start = this.peek();
    let end = this.next();
    while (!this.done() && (this.peek().text === '[' || this.peek().text === ']')) end = this.next();
    return this.source.slice(start.start, end.end);
  }

  /** `[for x in xs: { ... }]` → the `{ ... }` body. */
  loopBody(): BicepNode {
    this.expect('[');
    this.skipNewlines();
    this.expect('for');
    let depth = 0;
    while (!(depth === 0 && this.peek().text === ':')) {
      const token = this.next();
      if (OPENERS[token.text]) depth++;
      else if ([')', ']', '}'].includes(token.text)) depth--;
    }
    this.next();
    this.skipNewlines();
    const body = this.value();
    this.skipNewlines();
    this.expect(']');
    return body;
  }

  value(): BicepNode {
    this.skipNewlines();
    const token = this.peek();
    if (token.text === '{') return this.object();
    if (token.text === '[' && !this.isLoop()) return this.array();
    return this.expression();
  }

  isLoop(): boolean {
    let offset = 1;
    while (this.peek(offset)?.kind === 'newline') offset++;
    return this.peek(offset)?.text === 'for';
  }

  object(): BicepNode {
    const open = this.expect('{');
    const entries = new Map<string, BicepNode>();
    for (;;) {
      while (this.peek().kind === 'newline' || this.peek().text === ',') this.next();
      if (this.peek().text === '}') break;
      const keyToken = this.next();
      // An interpolated key ('${id}': the user-assigned identities map) is kept as written.
      const key = keyToken.kind === 'string' ? (stringLiteral(keyToken) ?? keyToken.text) : keyToken.text;
      if (key === undefined || keyToken.kind === 'symbol')
        throw new SyntaxError(`bad object key at ${keyToken.start}`);
      this.expect(':');
      entries.set(key, this.value());
    }
    const close = this.next();
    return { kind: 'object', entries, text: this.source.slice(open.start, close.end) };
  }

  array(): BicepNode {
    const open = this.expect('[');
    const items: BicepNode[] = [];
    for (;;) {
      while (this.peek().kind === 'newline' || this.peek().text === ',') this.next();
      if (this.peek().text === ']') break;
      items.push(this.value());
    }
    const close = this.next();
    return { kind: 'array', items, text: this.source.slice(open.start, close.end) };
  }

  /** Tokens up to a line break, comma or unmatched closer at bracket depth 0. */
  expression(): BicepNode {
    const taken: Token[] = [];
    let depth = 0;
    while (!this.done()) {
      const token = this.peek();
      if (
        depth === 0 &&
        (token.kind === 'newline' || token.text === ',' || [')', ']', '}'].includes(token.text))
      )
        break;
      if (OPENERS[token.text]) depth++;
      else if ([')', ']', '}'].includes(token.text)) depth--;
      taken.push(this.next());
    }
    if (taken.length === 0) throw new SyntaxError(`expected a value at ${this.peek()?.start ?? 'end'}`);
    const text = this.source.slice(taken[0]!.start, taken.at(-1)!.end);
    return { kind: 'expression', text, tokens: taken };
  }
}

import { type BicepNode, type Declaration, parseDeclarations } from './bicepSyntax.js';
import { stringLiteral } from './bicepTokens.js';

/** The declarations of one Bicep file, with the look-ups the infra tests need. */
export class BicepFile {
  readonly declarations: readonly Declaration[];

  constructor(
    readonly path: string,
    readonly source: string,
  ) {
    this.declarations = parseDeclarations(source);
  }

  /** Every `resource` declaration (including `existing` ones), optionally of one type. */
  resources(type?: string): Declaration[] {
    return this.declarations.filter(
      (d) => d.keyword === 'resource' && (type === undefined || resourceType(d) === type),
    );
  }

  modules(path?: string): Declaration[] {
    return this.declarations.filter(
      (d) => d.keyword === 'module' && (path === undefined || d.target === path),
    );
  }

  find(keyword: Declaration['keyword'], name: string): Declaration {
    const found = this.declarations.find((d) => d.keyword === keyword && d.name === name);
    if (!found) throw new Error(`${this.path}: no ${keyword} '${name}'`);
    return found;
  }

  /** The object a `var` holds (throws when it is not an object literal). */
  objectVar(name: string): ReadonlyMap<string, BicepNode> {
    return entriesOf(this.find('var', name).value, `${this.path}: var ${name}`);
  }
}

/** `Microsoft.Web/sites` from `Microsoft.Web/sites@2024-11-01`. */
export function resourceType(declaration: Declaration): string | undefined {
  return declaration.target?.split('@')[0];
}

export function apiVersion(declaration: Declaration): string | undefined {
  return declaration.target?.split('@')[1];
}

/** The node at a dotted path of object keys, e.g. `properties.siteConfig.linuxFxVersion`. */
export function at(node: BicepNode | undefined, path: string): BicepNode | undefined {
  let current = node;
  for (const key of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = current.entries.get(key);
  }
  return current;
}

export function entriesOf(node: BicepNode | undefined, what: string): ReadonlyMap<string, BicepNode> {
  if (node?.kind !== 'object') throw new Error(`${what} is not an object literal`);
  return node.entries;
}

/** The value of a node that is a plain string literal; undefined for expressions and interpolations. */
export function stringOf(node: BicepNode | undefined): string | undefined {
  if (node?.kind !== 'expression' || node.tokens.length !== 1) return undefined;
  return stringLiteral(node.tokens[0]!);
}

/** A literal `true`/`false`/number/string as a JS value; undefined for anything computed. */
export function literalOf(node: BicepNode | undefined): string | number | boolean | undefined {
  if (node?.kind !== 'expression' || node.tokens.length !== 1) return undefined;
  const token = node.tokens[0]!;
  if (token.kind === 'string') return stringLiteral(token);
  if (token.kind === 'number') return Number(token.text);
  if (token.text === 'true' || token.text === 'false') return token.text === 'true';
  return undefined;
}

/** Source text of a node (expressions verbatim, literals as written). */
export function textOf(node: BicepNode | undefined): string {
  return node?.text ?? '';
}

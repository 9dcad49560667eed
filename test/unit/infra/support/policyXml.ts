import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { readRepoFile } from './infraFiles.js';

/** One XML element of an API Management policy document. */
export interface PolicyElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly PolicyElement[];
  /** Concatenated text content of this element (not of its descendants). */
  readonly text: string;
}

/** Sample origins used in place of the CORS placeholder that apim.bicep fills in at deployment. */
export const SAMPLE_ORIGINS = ['https://tripgen.com', 'https://app.tripgen.com'];

/** A policy file as deployed: the CORS placeholder replaced the way apim.bicep does (Bicep replaces all). */
export function policySource(file: 'global.xml' | 'api.xml'): string {
  const origins = SAMPLE_ORIGINS.map((origin) => `<origin>${origin}</origin>`).join('');
  return readRepoFile(`infra/bicep/policies/${file}`).replaceAll('__CORS_ALLOWED_ORIGINS__', origins);
}

/** Policy source without its XML comments (which may mention {{named values}} in prose). */
export function withoutComments(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, '');
}

/** `true` when well-formed, else fast-xml-parser's error description. */
export function validate(source: string): true | string {
  const result = XMLValidator.validate(source);
  return result === true ? true : `${result.err.code} at line ${result.err.line}: ${result.err.msg}`;
}

/** Parse a policy document into its root `<policies>` element (comments dropped, entities decoded). */
export function parsePolicy(source: string): PolicyElement {
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '' });
  const [root] = (parser.parse(source) as RawNode[]).map(toElement).filter((e): e is PolicyElement => !!e);
  if (root?.name !== 'policies') throw new Error('policy document has no <policies> root');
  return root;
}

/** Every descendant element (depth first, document order) with this name. */
export function descendants(element: PolicyElement, name: string): PolicyElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendants(child, name),
  ]);
}

/** The first direct child with this name. */
export function child(element: PolicyElement | undefined, name: string): PolicyElement | undefined {
  return element?.children.find((c) => c.name === name);
}

type RawNode = Record<string, unknown>;

function toElement(node: RawNode): PolicyElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (!name) return undefined;
  const raw = node[name] as RawNode[];
  return {
    name,
    attributes: (node[':@'] as Record<string, string> | undefined) ?? {},
    children: raw.map(toElement).filter((e): e is PolicyElement => !!e),
    text: raw
      .map((n) => n['#text'])
      .filter((t) => t !== undefined)
      .join(''),
  };
}

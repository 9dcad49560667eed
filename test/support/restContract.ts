import { readFileSync } from 'node:fs';

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const DOCUMENT = JSON.parse(
  readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;
const BASE = DOCUMENT.servers[0]?.url ?? '';

// OpenAPI 3.1 schemas are JSON Schema 2020-12; `strict: false` lets OpenAPI's own keywords
// (`example`, `paths`, …) through. The whole document is one schema so `$ref`s resolve inside it.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(DOCUMENT, 'openapi');

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

const ROUTES = Object.keys(DOCUMENT.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${BASE}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** Every operation (`GET /places/search`) the document declares. */
export const DOCUMENTED_OPERATIONS: readonly string[] = Object.entries(DOCUMENT.paths).flatMap(
  ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
);

/** Operations seen by `checkResponse` in this process (the contract test asserts it covers them all). */
export const exercisedOperations = new Set<string>();

/**
 * Check one real response against the document: the route and method are documented, the status is
 * (or `default` covers it), the content type is one the status declares, and a JSON body validates
 * against its schema. Returns what is wrong, or `undefined` when the response conforms.
 */
export async function checkResponse(
  method: string,
  url: string,
  response: Response,
): Promise<string | undefined> {
  const { pathname } = new URL(url);
  const route = ROUTES.find((r) => r.pattern.test(pathname));
  const label = `${method.toUpperCase()} ${pathname} → ${response.status}`;
  const operation = route && DOCUMENT.paths[route.template]?.[method.toLowerCase()];
  if (!route || !operation) return `${label}: not in openapi.json`;
  exercisedOperations.add(`${method.toUpperCase()} ${route.template}`);
  const status = String(response.status);
  const declared = operation.responses[status] ? status : operation.responses.default ? 'default' : undefined;
  if (!declared) return `${label}: status not documented`;
  const content = operation.responses[declared]!.content;
  const type = response.headers.get('content-type')?.split(';')[0]?.trim();
  if (!content || response.status === 204 || response.status === 304) return undefined;
  if (!type || !content[type])
    return `${label}: content type ${type} not documented (${Object.keys(content).join(', ')})`;
  if (!type.endsWith('json') || content[type]!.schema === undefined) return undefined;
  const pointer = [
    'paths',
    route.template,
    method.toLowerCase(),
    'responses',
    declared,
    'content',
    type,
    'schema',
  ]
    .map(escapePointer)
    .join('/');
  const validate = ajv.getSchema(`openapi#/${pointer}`);
  if (!validate) return `${label}: schema ${pointer} not found`;
  const body: unknown = await response.clone().json();
  return validate(body) ? undefined : `${label}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
}

import { z } from 'zod';

import { API_OPERATIONS, type ApiOperation } from './apiContract.js';
import { OPERATION_DOCS } from './operationDocs.js';
import { problemSchema } from './responseSchemas.js';

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of a zod schema as the client must send it. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return json;
}

function queryParameters(op: ApiOperation) {
  if (!op.query) return [];
  const json = schemaOf(op.query, 'input') as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    schema,
  }));
}

/**
 * The REST contract as OpenAPI 3.1, generated from the zod schemas the handlers validate with, for
 * APIM import (`npm run openapi` writes it to openapi/openapi.json; GET /api/openapi.json serves it).
 */
export function buildOpenApiDocument(serverUrl = '/api'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(op),
      ...(op.headers ?? []).map((h) => ({
        name: h.name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: { type: 'string' },
      })),
    ];
    const doc = OPERATION_DOCS[op.operationId];
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(op.responses)) {
      const example = status.startsWith('2') && doc?.responseExample !== undefined ? { example: doc.responseExample } : {};
      responses[status] = {
        description: response.description,
        ...(response.schema
          ? {
              content: {
                [response.contentType ?? 'application/json']: {
                  schema: schemaOf(response.schema, 'output'),
                  ...example,
                },
              },
            }
          : response.contentType
            ? {
                content: {
                  [response.contentType]: { schema: { type: 'string' } },
                  ...(response.json
                    ? { 'application/json': { schema: schemaOf(response.json, 'output'), ...example } }
                    : {}),
                },
              }
            : {}),
      };
    }
    for (const [status, reason] of errorResponses(op)) responses[status] ??= problemResponse(reason);
    responses.default = { $ref: '#/components/responses/Problem' };
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      description: doc?.description,
      tags: [op.tag],
      ...(op.auth ? {} : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: schemaOf(op.body, 'input'),
                  ...(doc?.requestExample !== undefined ? { example: doc.requestExample } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TripGen API',
      version: '1.0.0',
      description:
        'Day-by-day itineraries of real places; Kakao and Google place search behind one cached interface. ' +
        'Errors are RFC 9457 problem details with a stable `code`.',
      contact: { name: 'TripGen team', url: 'https://github.com/tripgen/tripgen-functions' },
      license: { name: 'UNLICENSED (proprietary)', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: ['places', 'trips', 'jobs', 'itinerary', 'mcp', 'system'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      responses: {
        Problem: problemResponse('RFC 9457 problem details with a stable `code`'),
      },
    },
  };
}

const PROBLEM_EXAMPLE = {
  type: 'https://tripgen.dev/problems/validation-failed',
  title: 'The request is not valid',
  status: 400,
  code: 'validation_failed',
  detail: '1 field(s) failed validation',
  errors: [{ path: 'query.lat', message: 'lat and lng go together' }],
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};

function problemResponse(description: string) {
  return {
    description,
    content: {
      'application/problem+json': { schema: schemaOf(problemSchema, 'output'), example: PROBLEM_EXAMPLE },
    },
  };
}

/** The error statuses an operation can answer, documented explicitly (all as problem+json). */
function errorResponses(op: ApiOperation): [string, string][] {
  const out: [string, string][] = [];
  if (op.query || op.body || op.pathParams?.length) out.push(['400', 'Invalid input: `errors` lists the failing fields']);
  if (op.auth) out.push(['401', 'Missing or invalid bearer token']);
  if (op.pathParams?.length) out.push(['404', 'Not found, or not yours']);
  // Issue #11: operations that can reach the upstream APIs are charged against the cost limits.
  if (op.tag === 'places' || op.tag === 'itinerary' || op.tag === 'mcp')
    out.push(['429', 'Upstream cost limit reached: `upstream_budget_exceeded` (see Retry-After)']);
  if (op.tag === 'places') {
    out.push(['502', 'The map provider rejected the request or answered badly']);
    out.push(['503', 'No map provider can answer now (see Retry-After)']);
    out.push(['504', 'The map provider did not answer in time']);
  }
  out.push(['500', 'Unexpected error; quote the traceId']);
  return out;
}

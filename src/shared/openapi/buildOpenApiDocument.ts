import { z } from 'zod';

import { API_OPERATIONS, type ApiOperation } from './apiContract.js';
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
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(op.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema
          ? {
              content: {
                [response.contentType ?? 'application/json']: { schema: schemaOf(response.schema, 'output') },
              },
            }
          : response.contentType
            ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
            : {}),
      };
    }
    responses.default = { $ref: '#/components/responses/Problem' };
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth ? {} : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(op.body, 'input') } },
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
        'Day-by-day itineraries of real places; Kakao and Google place search behind one cached interface.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: ['places', 'trips', 'jobs', 'itinerary', 'mcp', 'system'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      responses: {
        Problem: {
          description: 'RFC 9457 problem details with a stable `code`',
          content: { 'application/problem+json': { schema: schemaOf(problemSchema, 'output') } },
        },
      },
    },
  };
}

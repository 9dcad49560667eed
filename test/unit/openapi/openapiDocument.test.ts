import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

import { buildOpenApiDocument } from '../../../src/shared/openapi/buildOpenApiDocument.js';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = buildOpenApiDocument();
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('describes query parameters and bodies from the zod schemas, with their limits', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, any>> };
    const search = doc.paths['/places/search']!.get;
    const size = search.parameters.find((p: { name: string }) => p.name === 'size');
    expect(size.schema).toMatchObject({ minimum: 1, maximum: 15, default: 15 });
    const trip = doc.paths['/trips']!.post.requestBody.content['application/json'].schema;
    expect(trip.required).toEqual(expect.arrayContaining(['name', 'destination', 'startDate', 'members']));
    expect(trip.properties.members).toMatchObject({ minItems: 1, maxItems: 12 });
    expect(doc.paths['/health']!.get.security).toEqual([]);
  });
});

describe('openapi/openapi.json (imported by APIM from the Bicep)', () => {
  it('is the document the code generates (run `npm run openapi` to update)', async () => {
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync('openapi/openapi.json', 'utf8'))).toEqual(buildOpenApiDocument());
  });
});

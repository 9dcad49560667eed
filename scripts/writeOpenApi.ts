/** `npm run openapi`: write the OpenAPI document for APIM import to openapi/openapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs';

import { buildOpenApiDocument } from '../src/shared/openapi/buildOpenApiDocument.js';

mkdirSync('openapi', { recursive: true });
writeFileSync('openapi/openapi.json', JSON.stringify(buildOpenApiDocument(), null, 2) + '\n');
console.log('wrote openapi/openapi.json');

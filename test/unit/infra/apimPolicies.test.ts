import { describe, expect, it } from 'vitest';

import { stringOf } from './support/bicepFile.js';
import { tokenize } from './support/bicepTokens.js';
import { bicep, readRepoFile } from './support/infraFiles.js';
import {
  child,
  descendants,
  parsePolicy,
  policySource,
  SAMPLE_ORIGINS,
  validate,
  withoutComments,
} from './support/policyXml.js';

const global = parsePolicy(policySource('global.xml'));
const api = parsePolicy(policySource('api.xml'));
const texts = (elements: { text: string }[]) => elements.map((e) => e.text);

describe('API Management policy XML', () => {
  it.each(['global.xml', 'api.xml'] as const)('%s is well-formed, as written and as deployed', (file) => {
    const raw = readRepoFile(`infra/bicep/policies/${file}`);
    expect(validate(raw)).toBe(true);
    expect(validate(policySource(file))).toBe(true);
    // "--" is not allowed inside XML comments (and breaks APIM's parser).
    for (const comment of raw.match(/<!--([\s\S]*?)-->/g) ?? [])
      expect(comment.slice(4, -3)).not.toContain('--');
  });

  it('allows CORS (with credentials) only from the configured origins, first thing at service scope', () => {
    const inbound = child(global, 'inbound')!;
    expect(inbound.children[0]?.name).toBe('cors');
    const cors = inbound.children[0]!;
    expect(cors.attributes['allow-credentials']).toBe('true');
    expect(texts(descendants(cors, 'origin'))).toEqual(SAMPLE_ORIGINS);
    expect(texts(descendants(child(cors, 'allowed-methods')!, 'method'))).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']),
    );
    expect(texts(descendants(child(cors, 'allowed-headers')!, 'header'))).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key']),
    );
    expect(texts(descendants(child(cors, 'expose-headers')!, 'header'))).toEqual(
      expect.arrayContaining(['Location', 'ETag', 'Retry-After']),
    );
  });

  it('gets its origins from the corsAllowedOrigins parameter through one placeholder', () => {
    const raw = readRepoFile('infra/bicep/policies/global.xml');
    expect(raw.match(/__CORS_ALLOWED_ORIGINS__/g)).toHaveLength(1);
    expect(raw).toContain('<allowed-origins>__CORS_ALLOWED_ORIGINS__</allowed-origins>');
    expect(readRepoFile('infra/bicep/modules/apim.bicep')).toContain(
      "replace(loadTextContent('../policies/global.xml'), '__CORS_ALLOWED_ORIGINS__', corsOriginElements)",
    );
  });

  it('limits each client IP to 1,000 calls a minute across the service (seed rate limit)', () => {
    const [limit] = descendants(child(global, 'inbound')!, 'rate-limit-by-key');
    expect(limit?.attributes).toMatchObject({
      calls: '1000',
      'renewal-period': '60',
      'counter-key': '@(context.Request.IpAddress)',
    });
  });

  it('validates Entra ID bearer tokens on every route but /api/health and share links', () => {
    const [when] = descendants(api, 'when').filter((w) => descendants(w, 'validate-jwt').length > 0);
    expect(when?.attributes.condition).toBe(
      '@(!context.Request.OriginalUrl.Path.EndsWith("/api/health") && !context.Request.OriginalUrl.Path.StartsWith("/api/share/"))',
    );
    const jwt = child(when, 'validate-jwt')!;
    expect(jwt.attributes).toMatchObject({
      'header-name': 'Authorization',
      'failed-validation-httpcode': '401',
      'require-scheme': 'Bearer',
    });
    expect(child(jwt, 'openid-config')?.attributes.url).toBe('{{tripgen-openid-config-url}}');
    expect(texts(descendants(jwt, 'audience'))).toEqual(['{{tripgen-api-audience}}']);
    expect(texts(descendants(jwt, 'issuer'))).toEqual(['{{tripgen-api-issuer}}']);
  });

  it('throttles per user and per API area, strictest on starting itinerary jobs', () => {
    const limits = descendants(child(api, 'inbound')!, 'rate-limit-by-key').map((limit) => ({
      area: /"(:[\w-]+)"\)$/.exec(limit.attributes['counter-key'] ?? '')?.[1],
      calls: Number(limit.attributes.calls),
      period: limit.attributes['renewal-period'],
      perUser: limit.attributes['counter-key']?.includes('context.Variables["clientKey"]'),
    }));
    expect(limits).toEqual([
      // Anonymous share links: per client IP.
      { area: ':share', calls: 60, period: '60', perUser: false },
      { area: ':itinerary-jobs', calls: 10, period: '60', perUser: true },
      { area: ':itinerary', calls: 200, period: '60', perUser: true },
      { area: ':trips', calls: 100, period: '60', perUser: true },
      { area: ':location', calls: 500, period: '60', perUser: true },
      { area: ':mcp', calls: 50, period: '60', perUser: true },
    ]);
    const jobs = descendants(api, 'when').find((w) => w.attributes.condition?.includes('/itinerary-jobs'));
    expect(jobs?.attributes.condition).toContain('context.Request.Method == "POST"');
    const clientKey = descendants(api, 'set-variable').find((v) => v.attributes.name === 'clientKey');
    expect(clientKey?.attributes.value).toContain('AsJwt()?.Subject');
  });

  it('sends requests to the Function App backend and retries repeatable ones on 5xx', () => {
    const inbound = child(api, 'inbound')!;
    expect(inbound.children[0]?.name).toBe('base');
    const backendId = stringOf(bicep('infra/bicep/modules/apim.bicep').find('var', 'backendId').value);
    expect(child(inbound, 'set-backend-service')?.attributes['backend-id']).toBe(backendId);
    const retry = child(child(api, 'backend'), 'retry')!;
    expect(retry.attributes).toMatchObject({ count: '3', interval: '2' });
    expect(retry.attributes.condition).toContain('context.Response.StatusCode >= 500');
    expect(retry.attributes.condition).toContain('(bool)context.Variables["idempotent"]');
    expect(child(retry, 'forward-request')?.attributes['buffer-request-body']).toBe('true');
    const idempotent = descendants(api, 'set-variable').find((v) => v.attributes.name === 'idempotent');
    expect(idempotent?.attributes.value).toMatch(/"GET".*"Idempotency-Key"/);
    expect(idempotent?.attributes.value).not.toContain('"POST"');
  });

  it('refers only to named values that apim.bicep creates (name = display name)', () => {
    const apim = bicep('infra/bicep/modules/apim.bicep');
    const created = apim.resources('Microsoft.ApiManagement/service/namedValues').map((nv) => {
      const properties = nv.value?.kind === 'object' ? nv.value.entries.get('properties') : undefined;
      const name = stringOf(nv.value?.kind === 'object' ? nv.value.entries.get('name') : undefined);
      const display = stringOf(
        properties?.kind === 'object' ? properties.entries.get('displayName') : undefined,
      );
      expect(display).toBe(name);
      return name;
    });
    const apimCode = tokenize(apim.source)
      .map((token) => token.text)
      .join(' ');
    const sources = [
      withoutComments(policySource('global.xml')),
      withoutComments(policySource('api.xml')),
      apimCode,
    ];
    const referenced = new Set(
      sources.flatMap((text) => [...text.matchAll(/\{\{([\w.-]+)\}\}/g)].map((m) => m[1])),
    );
    expect([...referenced].sort()).toEqual([...created].sort());
  });
});

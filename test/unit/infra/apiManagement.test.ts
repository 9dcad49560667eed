import { describe, expect, it } from 'vitest';

import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { bicep, readRepoFile } from './support/infraFiles.js';

const apim = bicep('infra/bicep/modules/apim.bicep');
const main = bicep('infra/bicep/main.bicep');
const apimParams = at(main.find('module', 'apim').value, 'params');
const appParams = at(main.find('module', 'functionApp').value, 'params');

describe('API Management service, API and backend', () => {
  it("imports the app's OpenAPI document (openapi/openapi.json at the repository root)", () => {
    const api = apim.find('resource', 'api').value;
    expect(stringOf(at(api, 'properties.format'))).toBe('openapi+json');
    expect(textOf(at(api, 'properties.value'))).toBe('openApiDocument');
    expect(textOf(at(apimParams, 'openApiDocument'))).toBe('openApiDocument');
    expect(textOf(main.find('var', 'openApiDocument').value)).toBe(
      "string(loadJsonContent('../../openapi/openapi.json'))",
    );
    expect(literalOf(at(api, 'properties.subscriptionRequired'))).toBe(false);
    expect(textOf(at(api, 'properties.protocols'))).toBe("['https']");
  });

  it('loads the policy XML files at service and API scope as well-formed XML', () => {
    const globalPolicy = apim.find('resource', 'globalPolicy').value;
    const apiPolicy = apim.find('resource', 'apiPolicy').value;
    expect(stringOf(at(globalPolicy, 'properties.format'))).toBe('xml');
    expect(stringOf(at(apiPolicy, 'properties.format'))).toBe('xml');
    expect(textOf(at(globalPolicy, 'properties.value'))).toContain(
      "loadTextContent('../policies/global.xml')",
    );
    expect(textOf(at(apiPolicy, 'properties.value'))).toBe("loadTextContent('../policies/api.xml')");
    expect(textOf(at(apiPolicy, 'dependsOn'))).toContain('backend');
  });

  it('calls the Function App over HTTPS with no key: the gateway identity authenticates it', () => {
    const backend = apim.find('resource', 'backend').value;
    expect(textOf(at(backend, 'properties.url'))).toBe('backendUrl');
    expect(textOf(apim.find('var', 'backendUrl').value)).toBe(
      "'https://${functionApp.properties.defaultHostName}/${apiPath}'",
    );
    // Gateway /api/<route> → https://<app>/api/<route>, the Functions route prefix of host.json.
    expect(stringOf(apim.find('param', 'apiPath').value)).toBe('api');
    expect(JSON.parse(readRepoFile('host.json')).extensions.http.routePrefix).toBe('api');
    expect(textOf(at(apim.find('resource', 'api').value, 'properties.path'))).toBe('apiPath');
    expect(at(backend, 'properties.credentials')).toBeUndefined();
    expect(textOf(at(apimParams, 'gatewayIdentityClientId'))).toBe('gatewayIdentity.outputs.clientId');
    expect(textOf(at(appParams, 'gatewayPrincipalId'))).toBe('gatewayIdentity.outputs.principalId');
    expect(literalOf(at(backend, 'properties.tls.validateCertificateChain'))).toBe(true);
    expect(textOf(at(apimParams, 'functionAppName'))).toBe('functionApp.outputs.name');
  });

  it('validates tokens for the same audience and issuer as the app, from the same tenant', () => {
    expect(textOf(at(apimParams, 'authAudience'))).toBe(textOf(at(appParams, 'authAudience')));
    expect(textOf(at(apimParams, 'authIssuer'))).toBe(textOf(at(appParams, 'authIssuer')));
    expect(textOf(at(apimParams, 'openIdConfigurationUrl'))).toBe(
      "'${loginEndpoint}${tenantId}/v2.0/.well-known/openid-configuration'",
    );
    expect(textOf(at(appParams, 'authJwksUri'))).toBe("'${loginEndpoint}${tenantId}/discovery/v2.0/keys'");
    expect(textOf(main.find('var', 'tokenIssuer').value)).toBe(
      "empty(authIssuer) ? '${loginEndpoint}${tenantId}/v2.0' : authIssuer",
    );
  });

  it('defaults to a tier with rate-limit-by-key and never offers Consumption', () => {
    expect(stringOf(main.find('param', 'apimSku').value)).toBe('BasicV2');
    expect(main.source).not.toMatch(/'Consumption'/);
    expect(apim.source).not.toMatch(/'Consumption'/);
  });

  it('waits for nothing of the running app: no dependency on its role assignments or host', () => {
    expect(at(main.find('module', 'apim').value, 'dependsOn')).toBeUndefined();
  });
});

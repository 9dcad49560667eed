import { describe, expect, it } from 'vitest';

import {
  allResources,
  type ArmResource,
  compileBicep,
  onlyResource,
  resourcesOfType,
} from './support/armTemplate.js';
import { bicepCommand } from './support/bicepCli.js';
import { readRepoFile } from './support/infraFiles.js';

/**
 * Values of the ARM JSON the real Bicep compiler makes of infra/bicep/main.bicep (never committed): what
 * Azure Resource Manager would be sent, rather than the Bicep text. Skips without the compiler; under CI=true
 * bicepCompile.test.ts fails instead.
 */
describe.skipIf(!bicepCommand)('compiled ARM template', () => {
  const template = bicepCommand ? compileBicep('infra/bicep/main.bicep') : { resources: [] };
  const json = JSON.stringify(template);
  const module = (name: string) => allResources(template).filter((r) => r.module === name);
  const inModule = (name: string, type: string): ArmResource =>
    module(name).find((r) => r.type === type) ?? expect.fail(`${name} has no ${type}`);
  const moduleParams = (name: string) =>
    (onlyDeployment(name).properties!.parameters as Record<string, { value: unknown }>) ?? {};
  const onlyDeployment = (name: string) =>
    resourcesOfType(template, 'Microsoft.Resources/deployments').find((d) => d.name === name) ??
    expect.fail(`no module ${name}`);

  describe('nothing reads the Functions host at provision time', () => {
    it('has no host-key lookup anywhere', () => {
      expect(json).not.toMatch(/Microsoft\.Web\/sites\/host|functionKeys|masterKey/);
    });

    it('calls listKeys only on the content storage account (the content share, documented)', () => {
      const calls = [...json.matchAll(/listKeys\(([^)]*\))/g)].map((m) => m[1]!);
      expect(calls.length).toBe(1);
      expect(calls[0]).toContain('Microsoft.Storage/storageAccounts');
      expect(calls[0]).toContain("parameters('contentStorageAccountName')");
    });

    it('gives API Management no dependency on the app beyond its name and host name', () => {
      const apim = onlyDeployment('api-management');
      expect(JSON.stringify(apim.dependsOn ?? [])).not.toContain('app-role-assignments');
      const backend = inModule('api-management', 'Microsoft.ApiManagement/service/backends');
      expect(backend.properties!.credentials).toBeUndefined();
    });
  });

  describe('API Management authenticates to the app with its managed identity', () => {
    it('attaches the user-assigned gateway identity to the service', () => {
      const service = inModule('api-management', 'Microsoft.ApiManagement/service');
      expect(service.identity!.type).toBe('UserAssigned');
      expect(JSON.stringify(moduleParams('api-management').gatewayIdentityId)).toContain('gateway-identity');
      expect(JSON.stringify(moduleParams('api-management').gatewayIdentityClientId)).toContain(
        'outputs.clientId',
      );
    });

    it('obtains a token for the API audience with it in the API policy, after moving the traveller token', () => {
      const policy = inModule('api-management', 'Microsoft.ApiManagement/service/apis/policies');
      // loadTextContent() compiles to a template variable ($fxv#n) holding the file's text.
      const apimTemplate = onlyDeployment('api-management').properties!.template as {
        variables: Record<string, string>;
      };
      const variable = /^\[variables\('(.+)'\)\]$/.exec(String(policy.properties!.value))![1]!;
      const xml = apimTemplate.variables[variable]!;
      const move = xml.indexOf('<set-header name="{{tripgen-user-token-header}}" exists-action="override">');
      const token = xml.indexOf(
        '<authentication-managed-identity resource="{{tripgen-api-audience}}" client-id="{{tripgen-gateway-client-id}}"',
      );
      expect(move).toBeGreaterThan(0);
      expect(token).toBeGreaterThan(move);
      expect(xml.slice(move, token)).toContain(
        'context.Request.Headers.GetValueOrDefault("Authorization", "")',
      );
    });

    it('lets App Service Authentication admit only that identity, with tokens for the API audience', () => {
      const auth = inModule('function-app', 'Microsoft.Web/sites/config');
      expect(auth.name).toContain('authsettingsV2');
      const properties = auth.properties as {
        platform: { enabled: boolean };
        globalValidation: {
          requireAuthentication: boolean;
          unauthenticatedClientAction: string;
          excludedPaths: string[];
        };
        identityProviders: {
          azureActiveDirectory: {
            enabled: boolean;
            validation: {
              allowedAudiences: string[];
              defaultAuthorizationPolicy: { allowedPrincipals: { identities: string[] } };
            };
          };
        };
      };
      expect(properties.platform.enabled).toBe(true);
      expect(properties.globalValidation).toEqual({
        requireAuthentication: true,
        unauthenticatedClientAction: 'Return401',
        excludedPaths: ['/api/health'],
      });
      const entra = properties.identityProviders.azureActiveDirectory;
      expect(entra.enabled).toBe(true);
      expect(entra.validation.allowedAudiences).toContain("[parameters('authAudience')]");
      expect(entra.validation.defaultAuthorizationPolicy.allowedPrincipals.identities).toEqual([
        "[parameters('gatewayPrincipalId')]",
      ]);
      const principal = JSON.stringify(moduleParams('function-app').gatewayPrincipalId);
      expect(principal).toContain("'gateway-identity'");
      expect(principal).toContain('outputs.principalId');
    });

    it("passes the traveller's token header to the app and to the policy from one variable", () => {
      const site = inModule('function-app', 'Microsoft.Web/sites');
      const settings = String((site.properties!.siteConfig as { appSettings: string }).appSettings);
      expect(settings).toContain("'AUTH_TOKEN_HEADER', variables('userTokenHeader')");
      const functionApp = onlyDeployment('function-app').properties!.template as {
        variables: Record<string, string>;
      };
      expect(functionApp.variables.userTokenHeader).toBe('x-tripgen-user-authorization');
      expect(JSON.stringify(moduleParams('api-management').userTokenHeader)).toContain(
        'outputs.userTokenHeader',
      );
    });

    it('keeps the HTTP functions free of function keys (anonymous to the host, bearer token in the app)', () => {
      const keyed = ['itinerary', 'itineraryJobs', 'jobs', 'mcp', 'places', 'trips'].filter((f) =>
        readRepoFile(`src/functions/${f}.ts`).includes("authLevel: 'function'"),
      );
      expect(keyed).toEqual([]);
    });
  });

  describe('Azure Managed Redis', () => {
    it('is Microsoft.Cache/redisEnterprise, private, TLS 1.2+, with access keys disabled on TLS port 10000', () => {
      expect(resourcesOfType(template, 'Microsoft.Cache/redis')).toEqual([]);
      const cluster = inModule('redis', 'Microsoft.Cache/redisEnterprise');
      expect(cluster.properties).toMatchObject({ minimumTlsVersion: '1.2', publicNetworkAccess: 'Disabled' });
      const database = inModule('redis', 'Microsoft.Cache/redisEnterprise/databases');
      expect(database.properties).toMatchObject({
        clientProtocol: 'Encrypted',
        port: 10000,
        accessKeysAuthentication: 'Disabled',
        evictionPolicy: 'AllKeysLRU',
      });
    });

    it("gives the app's identity the data access policy", () => {
      const assignment = onlyResource(
        template,
        'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments',
      );
      expect(assignment.properties).toEqual({
        accessPolicyName: 'default',
        user: { objectId: "[parameters('principalId')]" },
      });
      expect(JSON.stringify(moduleParams('app-role-assignments').principalId)).toContain("'function-app'");
    });

    it('is reached through a private endpoint registered in privatelink.redis.azure.net', () => {
      const variables = template.variables as {
        privateEndpointTargets: { name: string; groupId: string; zone: string }[];
        privateDnsZoneNames: Record<string, string>;
      };
      const redis = variables.privateEndpointTargets.find((t) => t.name === 'redis');
      expect(redis).toEqual({ name: 'redis', groupId: 'redisEnterprise', zone: 'redis' });
      expect(variables.privateDnsZoneNames.redis).toBe('privatelink.redis.azure.net');
    });

    it('is what the app connects to, with Entra ID and no secret anywhere', () => {
      const site = inModule('function-app', 'Microsoft.Web/sites');
      const settings = String((site.properties!.siteConfig as { appSettings: string }).appSettings);
      expect(settings).toContain(
        "'REDIS_URL', format('rediss://{0}:{1}', parameters('redisHostName'), parameters('redisPort'))",
      );
      expect(settings).toContain("'REDIS_AUTH', 'entra'");
      expect(
        resourcesOfType(template, 'Microsoft.KeyVault/vaults/secrets')
          .map((s) => s.name)
          .join(),
      ).not.toMatch(/redis/i);
    });
  });

  it('applies the app settings with map(), not a copy loop (BCP178: a loop source must be known at start)', () => {
    const site = inModule('function-app', 'Microsoft.Web/sites');
    const settings = String((site.properties!.siteConfig as { appSettings: string }).appSettings);
    expect(settings).toMatch(/^\[map\(items\(createObject\(/);
    expect(JSON.stringify(site)).not.toContain('"copy"');
  });

  it('imports the API with required query parameters kept as query parameters', () => {
    const api = inModule('api-management', 'Microsoft.ApiManagement/service/apis');
    expect(api.properties).toMatchObject({
      format: 'openapi+json',
      translateRequiredQueryParameters: 'query',
    });
  });
});

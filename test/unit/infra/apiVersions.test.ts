import { describe, expect, it } from 'vitest';

import { apiVersion, resourceType } from './support/bicepFile.js';
import { allBicepFiles } from './support/infraFiles.js';

/**
 * The resource types and API versions the Bicep was written against, each checked against the published
 * schema (Azure/bicep-types-az generated/<provider>/<namespace>/<version>/types.md and the
 * learn.microsoft.com/azure/templates reference). Adding a type or changing a version means checking its
 * properties again; this list makes that a deliberate step.
 */
const VERIFIED: Record<string, string> = {
  'Microsoft.Resources/resourceGroups': '2022-09-01',
  'Microsoft.OperationalInsights/workspaces': '2023-09-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Network/virtualNetworks': '2024-05-01',
  'Microsoft.Network/privateEndpoints': '2024-05-01',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': '2024-05-01',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': '2024-06-01',
  'Microsoft.Storage/storageAccounts': '2024-01-01',
  'Microsoft.Storage/storageAccounts/fileServices': '2024-01-01',
  'Microsoft.Storage/storageAccounts/fileServices/shares': '2024-01-01',
  'Microsoft.Storage/storageAccounts/blobServices': '2024-01-01',
  'Microsoft.ServiceBus/namespaces': '2024-01-01',
  'Microsoft.ServiceBus/namespaces/queues': '2024-01-01',
  'Microsoft.KeyVault/vaults': '2024-11-01',
  'Microsoft.KeyVault/vaults/secrets': '2024-11-01',
  'Microsoft.Cache/redisEnterprise': '2025-07-01',
  'Microsoft.Cache/redisEnterprise/databases': '2025-07-01',
  'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments': '2025-07-01',
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2024-11-30',
  'Microsoft.Web/sites/config': '2024-11-01',
  'Microsoft.Web/serverfarms': '2024-11-01',
  'Microsoft.Web/sites': '2024-11-01',
  'Microsoft.Web/sites/basicPublishingCredentialsPolicies': '2024-11-01',
  'Microsoft.ApiManagement/service': '2024-05-01',
  'Microsoft.ApiManagement/service/namedValues': '2024-05-01',
  'Microsoft.ApiManagement/service/backends': '2024-05-01',
  'Microsoft.ApiManagement/service/policies': '2024-05-01',
  'Microsoft.ApiManagement/service/apis': '2024-05-01',
  'Microsoft.ApiManagement/service/apis/policies': '2024-05-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  // learn.microsoft.com/azure/templates/microsoft.cognitiveservices/2023-05-01/accounts (Translator, issue #13).
  'Microsoft.CognitiveServices/accounts': '2023-05-01',
  'Microsoft.Insights/actionGroups': '2023-01-01',
  'Microsoft.Insights/scheduledQueryRules': '2023-12-01',
  'Microsoft.Insights/metricAlerts': '2018-03-01',
  'Microsoft.Insights/workbooks': '2023-06-01',
};

describe('resource types and API versions', () => {
  it('use only verified, non-preview API versions', () => {
    const used = allBicepFiles().flatMap((file) =>
      file.resources().map((r) => `${file.path}: ${resourceType(r)}@${apiVersion(r)}`),
    );
    expect(used.length).toBeGreaterThan(30);
    const unverified = used.filter((entry) => {
      const [type, version] = entry.split(': ')[1]!.split('@');
      return VERIFIED[type!] !== version;
    });
    expect(unverified).toEqual([]);
    expect(used.filter((entry) => entry.includes('preview'))).toEqual([]);
  });

  it('never read the Functions host (its keys exist only once a deployed host runs)', () => {
    const sources = allBicepFiles().map((file) => file.source);
    expect(
      sources.filter((source) =>
        /Microsoft\.Web\/sites\/host|functionKeys|listKeys\(resourceId\('Microsoft\.Web/.test(source),
      ),
    ).toEqual([]);
  });
});

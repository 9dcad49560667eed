import { describe, expect, it } from 'vitest';

import { at, resourceType, stringOf, textOf } from './support/bicepFile.js';
import { bicep } from './support/infraFiles.js';

// Built-in role ids (docs/azure.md).
const ROLE = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0',
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
} as const;

const roles = bicep('infra/bicep/modules/appRoleAssignments.bicep');
const roleIds = roles.objectVar('roleIds');

/** Each assignment as "<scope resource type> <role id>", resolving `roleIds.x` and the scope symbol. */
function grants(): string[] {
  return roles.resources('Microsoft.Authorization/roleAssignments').map((assignment) => {
    const scope = roles.find('resource', textOf(at(assignment.value, 'scope')));
    const definition = textOf(at(assignment.value, 'properties.roleDefinitionId'));
    const key = /roleIds\.(\w+)/.exec(definition)?.[1] ?? '';
    expect(definition).toMatch(
      /^subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions', roleIds\.\w+\)$/,
    );
    expect(textOf(at(assignment.value, 'properties.principalId'))).toBe('principalId');
    expect(stringOf(at(assignment.value, 'properties.principalType'))).toBe('ServicePrincipal');
    return `${resourceType(scope)} ${stringOf(roleIds.get(key))}`;
  });
}

describe('role assignments of the app identity', () => {
  it('cover every data-plane dependency of the app, each on its own resource', () => {
    expect(grants().sort()).toEqual(
      [
        `Microsoft.Storage/storageAccounts ${ROLE.storageBlobDataOwner}`,
        `Microsoft.Storage/storageAccounts ${ROLE.storageQueueDataContributor}`,
        `Microsoft.Storage/storageAccounts ${ROLE.storageTableDataContributor}`,
        `Microsoft.ServiceBus/namespaces ${ROLE.serviceBusDataReceiver}`,
        `Microsoft.ServiceBus/namespaces ${ROLE.serviceBusDataSender}`,
        `Microsoft.KeyVault/vaults ${ROLE.keyVaultSecretsUser}`,
        `Microsoft.Insights/components ${ROLE.monitoringMetricsPublisher}`,
      ].sort(),
    );
  });

  it('name assignments deterministically per scope, principal and role (re-provisioning is idempotent)', () => {
    for (const assignment of roles.resources('Microsoft.Authorization/roleAssignments')) {
      const scope = textOf(at(assignment.value, 'scope'));
      expect(textOf(at(assignment.value, 'name'))).toMatch(
        new RegExp(`^guid\\(${scope}\\.id, principalId, roleIds\\.\\w+\\)$`),
      );
    }
  });

  it('are given to the Function App identity, on the same resources its settings point at', () => {
    const main = bicep('infra/bicep/main.bicep');
    const params = at(main.find('module', 'appRoles').value, 'params');
    const appParams = at(main.find('module', 'functionApp').value, 'params');
    expect(textOf(at(params, 'principalId'))).toBe('functionApp.outputs.principalId');
    // AzureWebJobsStorage__accountName, ServiceBusConnection__fullyQualifiedNamespace, KEY_VAULT_URI, App Insights.
    expect(textOf(at(params, 'dataStorageAccountName'))).toBe(
      textOf(at(appParams, 'dataStorageAccountName')),
    );
    expect(textOf(at(params, 'serviceBusNamespaceName'))).toBe('serviceBus.outputs.namespaceName');
    expect(textOf(at(params, 'keyVaultName'))).toBe('keyVault.outputs.name');
    expect(textOf(at(params, 'appInsightsName'))).toBe('monitoring.outputs.appInsightsName');
    expect(textOf(at(appParams, 'serviceBusNamespaceFqdn'))).toBe('serviceBus.outputs.namespaceFqdn');
    const settings = bicep('infra/bicep/modules/functionApp.bicep').objectVar('appSettings');
    expect(textOf(settings.get('AzureWebJobsStorage__accountName'))).toBe('dataStorageAccountName');
    expect(textOf(settings.get('ServiceBusConnection__fullyQualifiedNamespace'))).toBe(
      'serviceBusNamespaceFqdn',
    );
  });

  it('do not grant the app any write access to secrets or control-plane roles', () => {
    const granted = [...roleIds.values()].map((node) => stringOf(node));
    expect(granted.sort()).toEqual(Object.values(ROLE).sort());
  });
});

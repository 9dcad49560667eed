import { describe, expect, it } from 'vitest';

import { at, stringOf, textOf } from './support/bicepFile.js';
import { bicep } from './support/infraFiles.js';

const main = bicep('infra/bicep/main.bicep');
const zoneNames = main.objectVar('privateDnsZoneNames');
const serviceIds = main.objectVar('privateEndpointServiceIds');
const endpointModule = main.find('module', 'privateEndpoints');

/** groupId → service and DNS zone of each private endpoint that main.bicep's module loop creates. */
function endpointTable(): Record<string, { service: string; zone: string }> {
  const targets = main.find('var', 'privateEndpointTargets').value;
  if (targets?.kind !== 'array') throw new Error('privateEndpointTargets is not an array literal');
  return Object.fromEntries(
    targets.items.map((target) => [
      stringOf(at(target, 'groupId')) ?? '?',
      {
        service: textOf(serviceIds.get(stringOf(at(target, 'name')) ?? '')),
        zone: textOf(zoneNames.get(stringOf(at(target, 'zone')) ?? '')),
      },
    ]),
  );
}

describe('VNet, private endpoints and private DNS', () => {
  it('delegates the app subnet to Microsoft.Web/serverFarms and keeps a separate private-endpoint subnet', () => {
    const vnet = bicep('infra/bicep/modules/network.bicep').find('resource', 'vnet');
    const subnets = at(vnet.value, 'properties.subnets');
    expect(subnets?.kind).toBe('array');
    const [app, privateEndpoints] = subnets?.kind === 'array' ? subnets.items : [];
    const delegation = at(app, 'properties.delegations');
    expect(delegation?.kind === 'array' && stringOf(at(delegation.items[0], 'properties.serviceName'))).toBe(
      'Microsoft.Web/serverFarms',
    );
    expect(stringOf(at(privateEndpoints, 'properties.privateEndpointNetworkPolicies'))).toBe('Disabled');
    expect(at(privateEndpoints, 'properties.delegations')).toBeUndefined();
  });

  it('gives storage (blob, queue, table, file), Service Bus, Key Vault and Redis a private endpoint in its zone', () => {
    expect(endpointTable()).toEqual({
      blob: {
        service: 'storage.outputs.dataAccountId',
        zone: "'privatelink.blob.${environment().suffixes.storage}'",
      },
      queue: {
        service: 'storage.outputs.dataAccountId',
        zone: "'privatelink.queue.${environment().suffixes.storage}'",
      },
      table: {
        service: 'storage.outputs.dataAccountId',
        zone: "'privatelink.table.${environment().suffixes.storage}'",
      },
      file: {
        service: 'storage.outputs.contentAccountId',
        zone: "'privatelink.file.${environment().suffixes.storage}'",
      },
      namespace: { service: 'serviceBus.outputs.namespaceId', zone: "'privatelink.servicebus.windows.net'" },
      vault: { service: 'keyVault.outputs.id', zone: "'privatelink.vaultcore.azure.net'" },
      redisEnterprise: { service: 'redis.outputs.id', zone: "'privatelink.redis.azure.net'" },
    });
  });

  it('creates each endpoint from its row, in the private-endpoint subnet, after the zones exist', () => {
    expect(endpointModule.loop).toBe(true);
    expect(endpointModule.target).toBe('modules/privateEndpoint.bicep');
    const params = at(endpointModule.value, 'params');
    expect(textOf(at(params, 'subnetId'))).toBe('network.outputs.privateEndpointSubnetId');
    expect(textOf(at(params, 'serviceId'))).toBe('privateEndpointServiceIds[target.name]');
    expect(textOf(at(params, 'groupId'))).toBe('target.groupId');
    expect(textOf(at(params, 'privateDnsZoneName'))).toBe('privateDnsZoneNames[target.zone]');
    expect(textOf(at(endpointModule.value, 'dependsOn'))).toContain('dnsZones');
  });

  it('links every zone to the VNet and registers each endpoint in its zone', () => {
    const zones = bicep('infra/bicep/modules/privateDnsZones.bicep');
    expect(textOf(at(main.find('module', 'dnsZones').value, 'params.zoneNames'))).toBe('privateDnsZoneNames');
    const link = zones.find('resource', 'vnetLinks');
    expect(link.loop).toBe(true);
    expect(textOf(at(link.value, 'properties.virtualNetwork.id'))).toBe('vnetId');
    const endpoint = bicep('infra/bicep/modules/privateEndpoint.bicep');
    const group = endpoint.find('resource', 'zoneGroup');
    expect(group.target).toMatch(/^Microsoft\.Network\/privateEndpoints\/privateDnsZoneGroups@/);
    expect(textOf(at(group.value, 'parent'))).toBe('endpoint');
  });

  it('closes the public endpoints of Service Bus, Key Vault, Redis and the content share', () => {
    const closed = [
      ['serviceBus', 'namespace'],
      ['keyVault', 'vault'],
      ['redis', 'cluster'],
      ['storage', 'content'],
    ].map(([module, resource]) => {
      const found = bicep(`infra/bicep/modules/${module}.bicep`).find('resource', resource!);
      return stringOf(at(found.value, 'properties.publicNetworkAccess'));
    });
    expect(closed).toEqual(['Disabled', 'Disabled', 'Disabled', 'Disabled']);
  });

  it('creates the Function App only after the endpoints its content share and host need', () => {
    expect(textOf(at(main.find('module', 'functionApp').value, 'dependsOn'))).toBe('[privateEndpoints]');
    expect(textOf(at(main.find('module', 'dnsZones').value, 'params.vnetId'))).toBe('network.outputs.vnetId');
  });
});

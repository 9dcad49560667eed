// A private endpoint for one sub-resource (groupId) of one service, with its DNS zone group so that the
// endpoint's A record is written into the matching privatelink.* zone.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Private endpoint name.')
param endpointName string

@description('Resource id of the private-endpoint subnet.')
param subnetId string

@description('Resource id of the service to connect to.')
param serviceId string

@description('Sub-resource: blob, queue, table, file, namespace (Service Bus), vault (Key Vault) or redisEnterprise (Azure Managed Redis).')
param groupId string

@description('Name of the privatelink.* DNS zone for this sub-resource (in this resource group).')
param privateDnsZoneName string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: privateDnsZoneName
}

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: endpointName
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: endpointName
        properties: {
          privateLinkServiceId: serviceId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: replace(privateDnsZoneName, '.', '-')
        properties: {
          privateDnsZoneId: zone.id
        }
      }
    ]
  }
}

output id string = endpoint.id

// The privatelink.* DNS zones of every private endpoint, each linked to the VNet so that the app's
// ordinary host names (<account>.blob.core.windows.net, <ns>.servicebus.windows.net, ...) resolve to the
// endpoints' private addresses from inside the VNet.

@description('Tags for every resource.')
param tags object

@description('Zone names by purpose, e.g. { blob: \'privatelink.blob.core.windows.net\' }.')
param zoneNames object

@description('Resource id of the virtual network to link.')
param vnetId string

var zones = items(zoneNames)

resource privateZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in zones: {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource vnetLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in zones: {
    parent: privateZones[i]
    name: 'link-${uniqueString(vnetId)}'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnetId
      }
    }
  }
]

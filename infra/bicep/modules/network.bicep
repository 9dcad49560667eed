// One VNet, two subnets: the app's regional VNet integration subnet (delegated to
// Microsoft.Web/serverFarms, as Elastic Premium requires — NOT Microsoft.App/environments, which is Flex
// Consumption's) and the subnet that holds the data services' private endpoints.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Virtual network name.')
param vnetName string

@description('Address space of the virtual network.')
param vnetAddressPrefix string

@description('Prefix of the app-integration subnet (/26 or larger leaves room to scale out).')
param appSubnetPrefix string

@description('Prefix of the private-endpoint subnet.')
param privateEndpointSubnetPrefix string

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [vnetAddressPrefix]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'Microsoft.Web.serverFarms'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          // All of the app's outbound traffic is routed into this subnet, and the app must still reach
          // Kakao and Google on the internet; say so explicitly instead of relying on the platform default.
          defaultOutboundAccess: true
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
          defaultOutboundAccess: false
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, appSubnetName)
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, privateEndpointSubnetName)

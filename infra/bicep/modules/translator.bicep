// Azure Translator (issue #13): place names and addresses in the traveller's language. Keyless: local
// (key) auth is off, the app calls the custom-subdomain endpoint with its managed identity, which holds
// "Cognitive Services User" on this account only. Reachable only through its private endpoint.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Translator account name; also its custom subdomain (<name>.cognitiveservices.azure.com), which Entra auth needs.')
param accountName string

@allowed(['F0', 'S1'])
@description('Translator tier (F0: 2M characters a month free; S1: pay as you go).')
param skuName string = 'S1'

@description('Object id of the Function App\'s system-assigned identity.')
param principalId string

@description('Resource id of the private-endpoint subnet.')
param subnetId string

@description('Name of the privatelink.cognitiveservices.azure.com zone (in this resource group).')
param privateDnsZoneName string

// Built-in role "Cognitive Services User": data-plane calls (translate, transliterate), no key listing.
var cognitiveServicesUserRoleId = 'a97b65f3-24c7-4388-baec-2e87135dc908'

resource translator 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'TextTranslation'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: accountName
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

module endpoint 'privateEndpoint.bicep' = {
  name: 'pe-translator'
  params: {
    location: location
    tags: tags
    endpointName: 'pe-${accountName}'
    subnetId: subnetId
    serviceId: translator.id
    groupId: 'account'
    privateDnsZoneName: privateDnsZoneName
  }
}

resource userRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(translator.id, principalId, cognitiveServicesUserRoleId)
  scope: translator
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output id string = translator.id
output name string = translator.name
output endpoint string = translator.properties.endpoint

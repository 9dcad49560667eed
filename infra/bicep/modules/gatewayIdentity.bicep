// The identity API Management calls the Function App with (authentication-managed-identity). User-assigned,
// so that it exists before both: the app's App Service Authentication admits exactly this principal, and
// API Management attaches it — neither has to wait for the other's system identity.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Identity name.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

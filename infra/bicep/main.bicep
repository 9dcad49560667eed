// TripGen on Azure: one Elastic Premium (EP1) Linux Function App behind API Management, with its data
// services (Storage, Service Bus, Key Vault, Azure Managed Redis) reachable only through private endpoints
// in one VNet. API Management calls the app with its managed identity; one `azd up` provisions and deploys.
// `azd up` deploys this file (azure.yaml → infra/bicep/main.bicep + main.parameters.json).
// Deployment steps, parameters and verification: docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment. Names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (e.g. koreacentral).')
param location string

@description('Entra ID tenant that issues the API\'s bearer tokens. Empty: the tenant of this deployment.')
param entraTenantId string = ''

@minLength(1)
@description('Expected `aud` of bearer tokens: the API app registration\'s client id (a GUID; v2 tokens). API Management\'s identity asks for tokens for it too.')
param authAudience string

@description('Expected `iss` of bearer tokens. Empty: the Entra ID v2.0 issuer of the tenant.')
param authIssuer string = ''

@description('Comma-separated browser origins allowed by CORS (API Management and photo uploads to Blob Storage). Empty: the seed\'s https://tripgen.com and https://app.tripgen.com.')
param corsAllowedOrigins string = ''

@minLength(3)
@description('Publisher e-mail that API Management requires.')
param apimPublisherEmail string

@description('Publisher name shown by API Management.')
param apimPublisherName string = 'TripGen'

// Consumption is left out on purpose: it has no rate-limit-by-key, which the policies use.
@allowed(['Developer', 'Basic', 'BasicV2', 'Standard', 'StandardV2', 'Premium'])
@description('API Management tier.')
param apimSku string = 'BasicV2'

@allowed(['EP1', 'EP2', 'EP3'])
@description('Elastic Premium plan size.')
param functionPlanSku string = 'EP1'

@minValue(1)
@maxValue(100)
@description('Most instances the Elastic Premium plan may scale out to.')
param maximumElasticWorkerCount int = 20

@allowed([1, 2, 4, 8, 16])
@description('Service Bus Premium messaging units.')
param serviceBusCapacity int = 1

@description('Azure Managed Redis SKU (tier_size), e.g. Balanced_B0, Balanced_B1, MemoryOptimized_M10.')
param redisSkuName string = 'Balanced_B1'

@description('Address space of the virtual network.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Subnet delegated to Microsoft.Web/serverFarms for the app\'s regional VNet integration (/26 or larger).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.1.0/24'

@description('Browsers upload photos straight to Blob Storage with a short-lived user-delegation SAS, which needs the data account\'s public endpoint (Entra ID/SAS only, no shared keys). False: private endpoints only, and browser uploads stop working.')
param allowPublicBlobUploads bool = true

@secure()
@description('Kakao REST API key, stored in Key Vault as `kakao-rest-api-key`. Empty: leave the vault\'s secret as it is.')
param kakaoRestApiKey string = ''

@secure()
@description('Google Maps Platform key, stored in Key Vault as `google-maps-api-key`. Empty: leave the vault\'s secret as it is.')
param googleMapsApiKey string = ''

@secure()
@description('HMAC key that signs list cursors, stored in Key Vault as `cursor-signing-key` so every instance shares it. The default is a new random value per deployment: a deployment invalidates the page cursors clients hold (they start the list again).')
param cursorSigningKey string = newGuid()

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tenantId = empty(entraTenantId) ? tenant().tenantId : entraTenantId
var loginEndpoint = environment().authentication.loginEndpoint
var tokenIssuer = empty(authIssuer) ? '${loginEndpoint}${tenantId}/v2.0' : authIssuer
var seedCorsOrigins = ['https://tripgen.com', 'https://app.tripgen.com']
var corsOrigins = empty(corsAllowedOrigins) ? seedCorsOrigins : filter(map(split(corsAllowedOrigins, ','), origin => trim(origin)), origin => !empty(origin))
var itineraryQueueName = 'ai-itinerary-generation'
// Known before the account exists, so the app's setting does not wait for (or cycle with) the account,
// whose role assignment needs the app's identity.
var translatorAccountName = 'tr-${resourceToken}'

// Written by `npm run openapi`. Read as JSON and re-serialized: loadTextContent stops at 131,072 characters,
// which the pretty-printed document already exceeds; loadJsonContent takes up to 1,048,576 and escapes any
// string that ARM would otherwise evaluate as a template expression.
var openApiDocument = string(loadJsonContent('../../openapi/openapi.json'))

var privateDnsZoneNames = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  file: 'privatelink.file.${environment().suffixes.storage}'
  serviceBus: 'privatelink.servicebus.windows.net'
  keyVault: 'privatelink.vaultcore.azure.net'
  redis: 'privatelink.redis.azure.net'
  cognitiveServices: 'privatelink.cognitiveservices.azure.com'
}

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

// Issue #16: alerts, action group and workbook over Application Insights and the job queue.
@description('E-mail address alerts are sent to (empty: alerts show in the portal only).')
param alertEmail string = ''

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps telemetry.')
param logRetentionInDays int = 30

@description('Log Analytics daily ingestion cap in GB (-1: no cap).')
param logDailyQuotaGb int = -1

module monitoringAlerts 'modules/monitoringAlerts.bicep' = {
  name: 'monitoring-alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    namePrefix: resourceToken
    appInsightsId: monitoring.outputs.appInsightsId
    serviceBusNamespaceId: serviceBus.outputs.namespaceId
    alertEmail: alertEmail
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  scope: rg
  params: {
    location: location
    tags: tags
    vnetName: 'vnet-${resourceToken}'
    vnetAddressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
  }
}

module dnsZones 'modules/privateDnsZones.bicep' = {
  name: 'private-dns-zones'
  scope: rg
  params: {
    tags: tags
    zoneNames: privateDnsZoneNames
    vnetId: network.outputs.vnetId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    contentAccountName: 'stc${resourceToken}'
    dataAccountName: 'st${resourceToken}'
    contentShareName: 'func-${resourceToken}'
    corsAllowedOrigins: corsOrigins
    allowPublicBlobUploads: allowPublicBlobUploads
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: {
    location: location
    tags: tags
    namespaceName: 'sb-${resourceToken}'
    capacity: serviceBusCapacity
    queueName: itineraryQueueName
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    location: location
    tags: tags
    vaultName: 'kv-${resourceToken}'
    kakaoRestApiKey: kakaoRestApiKey
    googleMapsApiKey: googleMapsApiKey
    cursorSigningKey: cursorSigningKey
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  scope: rg
  params: {
    location: location
    tags: tags
    cacheName: 'redis-${resourceToken}'
    skuName: redisSkuName
  }
}

module gatewayIdentity 'modules/gatewayIdentity.bicep' = {
  name: 'gateway-identity'
  scope: rg
  params: {
    location: location
    tags: tags
    identityName: 'id-apim-${resourceToken}'
  }
}

// One private endpoint per data-plane sub-resource the app talks to; each registers its A record in the
// matching private DNS zone, so the app's ordinary host names resolve to private addresses in the VNet.
var privateEndpointTargets = [
  { name: 'blob', groupId: 'blob', zone: 'blob' }
  { name: 'queue', groupId: 'queue', zone: 'queue' }
  { name: 'table', groupId: 'table', zone: 'table' }
  { name: 'file', groupId: 'file', zone: 'file' }
  { name: 'servicebus', groupId: 'namespace', zone: 'serviceBus' }
  { name: 'keyvault', groupId: 'vault', zone: 'keyVault' }
  { name: 'redis', groupId: 'redisEnterprise', zone: 'redis' }
]

// The content share lives in its own account; everything else the app stores is in the data account.
var privateEndpointServiceIds = {
  blob: storage.outputs.dataAccountId
  queue: storage.outputs.dataAccountId
  table: storage.outputs.dataAccountId
  file: storage.outputs.contentAccountId
  servicebus: serviceBus.outputs.namespaceId
  keyvault: keyVault.outputs.id
  redis: redis.outputs.id
}

module privateEndpoints 'modules/privateEndpoint.bicep' = [
  for target in privateEndpointTargets: {
    name: 'pe-${target.name}'
    scope: rg
    dependsOn: [dnsZones]
    params: {
      location: location
      tags: tags
      endpointName: 'pe-${resourceToken}-${target.name}'
      subnetId: network.outputs.privateEndpointSubnetId
      serviceId: privateEndpointServiceIds[target.name]
      groupId: target.groupId
      privateDnsZoneName: privateDnsZoneNames[target.zone]
    }
  }
]

// The content share is mounted over the VNet, so its endpoint and DNS record must exist before the app.
module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  scope: rg
  dependsOn: [privateEndpoints]
  params: {
    location: location
    tags: tags
    appName: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    planSku: functionPlanSku
    maximumElasticWorkerCount: maximumElasticWorkerCount
    appSubnetId: network.outputs.appSubnetId
    contentStorageAccountName: storage.outputs.contentAccountName
    contentShareName: storage.outputs.contentShareName
    dataStorageAccountName: storage.outputs.dataAccountName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    serviceBusNamespaceFqdn: serviceBus.outputs.namespaceFqdn
    itineraryQueueName: serviceBus.outputs.queueName
    keyVaultUri: keyVault.outputs.uri
    authIssuer: tokenIssuer
    authAudience: authAudience
    authJwksUri: '${loginEndpoint}${tenantId}/discovery/v2.0/keys'
    gatewayPrincipalId: gatewayIdentity.outputs.principalId
    redisHostName: redis.outputs.hostName
    redisPort: redis.outputs.port
    translatorEndpoint: 'https://${translatorAccountName}.cognitiveservices.azure.com/'
  }
}

module translator 'modules/translator.bicep' = {
  name: 'translator'
  scope: rg
  dependsOn: [dnsZones]
  params: {
    location: location
    tags: tags
    accountName: translatorAccountName
    principalId: functionApp.outputs.principalId
    subnetId: network.outputs.privateEndpointSubnetId
    privateDnsZoneName: privateDnsZoneNames.cognitiveServices
  }
}

module appRoles 'modules/appRoleAssignments.bicep' = {
  name: 'app-role-assignments'
  scope: rg
  params: {
    principalId: functionApp.outputs.principalId
    dataStorageAccountName: storage.outputs.dataAccountName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    redisName: redis.outputs.name
  }
}

// Calls the app with its own identity: nothing here needs the app's package or host to be running.
module apim 'modules/apim.bicep' = {
  name: 'api-management'
  scope: rg
  params: {
    location: location
    tags: tags
    serviceName: 'apim-${resourceToken}'
    skuName: apimSku
    publisherEmail: apimPublisherEmail
    publisherName: apimPublisherName
    functionAppName: functionApp.outputs.name
    openApiDocument: openApiDocument
    corsAllowedOrigins: corsOrigins
    openIdConfigurationUrl: '${loginEndpoint}${tenantId}/v2.0/.well-known/openid-configuration'
    authAudience: authAudience
    authIssuer: tokenIssuer
    gatewayIdentityId: gatewayIdentity.outputs.id
    gatewayIdentityClientId: gatewayIdentity.outputs.clientId
    userTokenHeader: functionApp.outputs.userTokenHeader
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.namespaceFqdn
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.dataAccountName
output AZURE_REDIS_HOST string = redis.outputs.hostName
output API_GATEWAY_URL string = apim.outputs.gatewayUrl

// The Elastic Premium plan and the Function App, avoiding the traps listed in shared/AZURE-NOTES.md:
// plan kind 'elastic' + sku EP1/ElasticPremium + reserved (Linux) — not the AVM serverfarm defaults (P1v3,
// kind 'app') and not Flex Consumption (FC1); site kind 'functionapp,linux' with Node 22; regional VNet
// integration on a Microsoft.Web/serverFarms subnet with ALL outbound traffic and the content share routed
// through the VNet; runtime scale monitoring on, so that Service Bus triggers behind private endpoints scale.
//
// App settings use the names of src/shared/config/settings.ts; the others are the platform settings
// listed in docs/deploy.md (a unit test keeps the three in step). Secrets are NOT app settings: the app
// reads them from Key Vault through KEY_VAULT_URI with its managed identity.
//
// Inbound: App Service Authentication admits only API Management's identity (a token it obtains with
// authentication-managed-identity); the traveller's own bearer token rides along in AUTH_TOKEN_HEADER and
// the app validates it again and takes the user from it. No function keys: the HTTP functions are
// `anonymous` to the Functions host, and nothing reads the host's keys (which need a running host).

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Function App name.')
param appName string

@description('Elastic Premium plan name.')
param planName string

@allowed(['EP1', 'EP2', 'EP3'])
@description('Elastic Premium plan size.')
param planSku string = 'EP1'

@minValue(1)
@maxValue(100)
@description('Most instances the plan may scale out to.')
param maximumElasticWorkerCount int

@description('azd service name (azure.yaml) that deploys into this app.')
param azdServiceName string = 'api'

@description('Resource id of the subnet delegated to Microsoft.Web/serverFarms.')
param appSubnetId string

@description('Storage account that holds the content share.')
param contentStorageAccountName string

@description('Azure Files share for the app content.')
param contentShareName string

@description('Storage account for the host and the app data, reached with the managed identity.')
param dataStorageAccountName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Service Bus namespace host name (<ns>.servicebus.windows.net).')
param serviceBusNamespaceFqdn string

@description('Queue that carries itinerary jobs.')
param itineraryQueueName string

@description('Key Vault URI (https://<vault>.vault.azure.net/).')
param keyVaultUri string

@description('Expected `iss` of bearer tokens.')
param authIssuer string

@description('Expected `aud` of bearer tokens.')
param authAudience string

@description('JWKS URL of the token issuer.')
param authJwksUri string

@description('Object (principal) id of API Management\'s identity: the only caller App Service Authentication admits.')
param gatewayPrincipalId string

@description('Azure Managed Redis host name (<name>.<region>.redis.azure.net).')
param redisHostName string

@description('Azure Managed Redis database port (TLS).')
param redisPort int
@description('Azure Translator custom-subdomain endpoint (keyless with the app identity).')
param translatorEndpoint string

resource contentStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: contentStorageAccountName
}

// Documented exception (docs/deploy.md): Azure Files has no managed-identity auth for the content share.
var contentShareConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${contentStorage.name};AccountKey=${contentStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

// Header that carries the traveller's bearer token from API Management to the app (policies/api.xml).
var userTokenHeader = 'x-tripgen-user-authorization'

var appSettings = {
  // Platform settings (docs/deploy.md, "Platform settings").
  FUNCTIONS_EXTENSION_VERSION: '~4'
  WEBSITE_CONTENTAZUREFILECONNECTIONSTRING: contentShareConnectionString
  WEBSITE_CONTENTSHARE: contentShareName
  WEBSITE_CONTENTOVERVNET: '1'
  WEBSITE_SKIP_CONTENTSHARE_VALIDATION: '1'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  // Settings of the config schema (src/shared/config/settings.ts).
  FUNCTIONS_WORKER_RUNTIME: 'node'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  AzureWebJobsStorage__accountName: dataStorageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespaceFqdn
  ITINERARY_QUEUE_NAME: itineraryQueueName
  KEY_VAULT_URI: keyVaultUri
  APP_ENV: 'production'
  AUTH_MODE: 'jwks'
  AUTH_ISSUER: authIssuer
  AUTH_AUDIENCE: authAudience
  AUTH_JWKS_URI: authJwksUri
  // API Management moves the traveller's Authorization header here (policies/api.xml).
  AUTH_TOKEN_HEADER: userTokenHeader
  // Azure Managed Redis with the app's Entra ID identity; no password in the URL or anywhere else.
  REDIS_URL: 'rediss://${redisHostName}:${redisPort}'
  REDIS_AUTH: 'entra'
  TRANSLATOR_ENDPOINT: translatorEndpoint
  SANDBOX_UPSTREAM: 'false'
  WARMERS_RUN_ON_STARTUP: 'false'
  // Resolved by the Functions host itself (`%WARMER_SCHEDULE%` in the timer triggers) when it indexes
  // the functions: a missing value stops the function from loading, so they are always set.
  WARMER_SCHEDULE: '0 */20 * * * *'
  VERIFIER_SCHEDULE: '0 0 */6 * * *'
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    name: planSku
    tier: 'ElasticPremium'
    family: 'EP'
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumElasticWorkerCount
    zoneRedundant: false
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    clientAffinityEnabled: false
    // Inbound stays public for API Management (App Service Authentication admits only its identity).
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: appSubnetId
    outboundVnetRouting: {
      allTraffic: true
      applicationTraffic: true
      contentShareTraffic: true
    }
    siteConfig: {
      linuxFxVersion: 'Node|22'
      functionsRuntimeScaleMonitoringEnabled: true
      vnetRouteAllEnabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Anonymous (src/functions/health.ts); lets the platform take broken instances out of rotation.
      healthCheckPath: '/api/health'
      // map(), not a `for` loop: a loop's source must be known when the deployment starts (BCP178), and
      // this one holds the content share's key, which is known only during the deployment.
      appSettings: map(items(appSettings), setting => { name: setting.key, value: setting.value })
    }
  }
}

// No basic-auth publishing: FTP is off and deployments (azd zip deploy) authenticate with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// App Service Authentication: every request but the health probe needs an Entra ID token for the API's
// audience from API Management's identity; anything else gets 401/403 before the app runs.
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: ['/api/health']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authAudience
          openIdIssuer: authIssuer
        }
        validation: {
          allowedAudiences: [authAudience, 'api://${authAudience}']
          defaultAuthorizationPolicy: {
            allowedPrincipals: {
              identities: [gatewayPrincipalId]
            }
          }
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = site.name
output id string = site.id
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
output userTokenHeader string = userTokenHeader

// API Management in front of the Function App, with the seeds' gateway policies (seed 000):
// - service scope (policies/global.xml): CORS for the web origins, a per-client-IP flood guard;
// - API scope (policies/api.xml): validate-jwt against Entra ID, per-user throttles per API area (stricter on
//   itinerary-jobs), retry on 5xx to the backend.
// The API is imported from the app's OpenAPI document. The gateway calls the app with a token of its own
// user-assigned identity (authentication-managed-identity in policies/api.xml), which the app's App Service
// Authentication admits; no function key exists, so nothing here reads the Functions host (whose keys only
// a running host can give, and no package runs before `azd deploy`).

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('API Management service name.')
param serviceName string

@allowed(['Developer', 'Basic', 'BasicV2', 'Standard', 'StandardV2', 'Premium'])
@description('API Management tier (not Consumption: it has no rate-limit-by-key).')
param skuName string = 'BasicV2'

@description('Publisher e-mail.')
param publisherEmail string

@description('Publisher name.')
param publisherName string

@description('Function App behind the API.')
param functionAppName string

@description('OpenAPI 3 document (JSON) of the app.')
param openApiDocument string

@minLength(1)
@description('Browser origins allowed by CORS.')
param corsAllowedOrigins array

@description('OpenID Connect discovery URL of the token issuer (Entra ID v2.0).')
param openIdConfigurationUrl string

@description('Expected `aud` of bearer tokens.')
param authAudience string

@description('Expected `iss` of bearer tokens.')
param authIssuer string

@description('Resource id of the user-assigned identity the gateway calls the app with.')
param gatewayIdentityId string

@description('Client id of that identity (authentication-managed-identity client-id).')
param gatewayIdentityClientId string

@description('Header that carries the traveller\'s bearer token to the app (app setting AUTH_TOKEN_HEADER).')
param userTokenHeader string

// The OpenAPI document's paths are relative to its server `/api` (e.g. /trips), like the Functions routes
// (routePrefix "api"): the gateway serves them under /api too, so clients use the same URLs as locally.
@description('URL suffix of the API at the gateway, and the Functions route prefix at the backend.')
param apiPath string = 'api'

var backendUrl = 'https://${functionApp.properties.defaultHostName}/${apiPath}'

var backendId = 'tripgen-functions'

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource service 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: serviceName
  location: location
  tags: tags
  sku: {
    name: skuName
    capacity: 1
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${gatewayIdentityId}': {}
    }
  }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
  }
}

// Named values: the policies reference them as {{name}}; name and display name are kept identical.
resource openIdConfigurationNamedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'tripgen-openid-config-url'
  properties: {
    displayName: 'tripgen-openid-config-url'
    value: openIdConfigurationUrl
    secret: false
  }
}

resource audienceNamedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'tripgen-api-audience'
  properties: {
    displayName: 'tripgen-api-audience'
    value: authAudience
    secret: false
  }
}

resource issuerNamedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'tripgen-api-issuer'
  properties: {
    displayName: 'tripgen-api-issuer'
    value: authIssuer
    secret: false
  }
}

resource gatewayClientIdNamedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'tripgen-gateway-client-id'
  properties: {
    displayName: 'tripgen-gateway-client-id'
    value: gatewayIdentityClientId
    secret: false
  }
}

resource userTokenHeaderNamedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: service
  name: 'tripgen-user-token-header'
  properties: {
    displayName: 'tripgen-user-token-header'
    value: userTokenHeader
    secret: false
  }
}

resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: service
  name: backendId
  properties: {
    description: 'TripGen Function App'
    url: backendUrl
    protocol: 'http'
    resourceId: '${environment().resourceManager}${substring(functionApp.id, 1)}'
    tls: {
      validateCertificateChain: true
      validateCertificateName: true
    }
  }
}

var corsOriginElements = join(map(corsAllowedOrigins, origin => '<origin>${origin}</origin>'), '')

resource globalPolicy 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: service
  name: 'policy'
  properties: {
    format: 'xml'
    value: replace(loadTextContent('../policies/global.xml'), '__CORS_ALLOWED_ORIGINS__', corsOriginElements)
  }
}

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: service
  name: 'tripgen'
  properties: {
    displayName: 'TripGen API'
    path: apiPath
    protocols: ['https']
    // Callers authenticate with their Entra ID bearer token (validate-jwt), not with APIM subscription keys.
    subscriptionRequired: false
    format: 'openapi+json'
    value: openApiDocument
    // Required query parameters stay query parameters: the default ('template') would make them part of the
    // URL template, so a request without `from` got the gateway's 404 instead of the app's 400.
    translateRequiredQueryParameters: 'query'
    serviceUrl: backendUrl
  }
}

resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  dependsOn: [
    backend
    openIdConfigurationNamedValue
    audienceNamedValue
    issuerNamedValue
    gatewayClientIdNamedValue
    userTokenHeaderNamedValue
  ]
  properties: {
    format: 'xml'
    value: loadTextContent('../policies/api.xml')
  }
}

output serviceName string = service.name
output gatewayUrl string = service.properties.gatewayUrl
output backendId string = backend.name

// Azure Cache for Redis: TLS only (non-SSL port 6379 off, TLS 1.2+), private endpoint only, allkeys-lru as
// the seeds' cache design asks. The app connects with the access key, which never leaves Azure: it goes
// straight into Key Vault as the `redis-url` secret (documented exception to "identity everywhere").

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Cache name.')
param cacheName string

@allowed(['Basic', 'Standard', 'Premium'])
@description('Tier (Basic has no SLA).')
param skuName string = 'Standard'

@minValue(0)
@maxValue(6)
@description('Size within the tier: C0-C6 for Basic/Standard, P1-P4 for Premium.')
param capacity int = 1

@description('Key Vault that receives the `redis-url` secret.')
param keyVaultName string

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: cacheName
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    redisVersion: '6'
    redisConfiguration: {
      'maxmemory-policy': 'allkeys-lru'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

// REDIS_URL's format (settings.ts): rediss://:<key>@<host>:6380. The key is URL-encoded because access keys
// are base64 and may contain '/', '+' and '='; ioredis decodes the password again.
resource redisUrlSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    value: 'rediss://:${uriComponent(cache.listKeys().primaryKey)}@${cache.properties.hostName}:6380'
    contentType: 'text/plain'
  }
}

output name string = cache.name
output id string = cache.id
output hostName string = cache.properties.hostName

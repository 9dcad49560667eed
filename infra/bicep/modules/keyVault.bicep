// Key Vault with RBAC authorization and purge protection, reachable only through its private endpoint.
// It holds the provider keys and the cursor-signing key (from @secure() parameters) and nothing for Redis
// (Entra ID, no keys).
// Secret names are the `keyVaultName`s of src/shared/config/settings.ts: the app reads them itself through
// KEY_VAULT_URI with its managed identity (Key Vault Secrets User) and refreshes them periodically.
// ARM writes the secrets over the control plane, which the vault's network rules do not block.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@minLength(3)
@maxLength(24)
@description('Key Vault name.')
param vaultName string

@secure()
@description('Kakao REST API key. Empty: the secret is not written (an existing one is kept).')
param kakaoRestApiKey string = ''

@secure()
@description('Google Maps Platform key. Empty: the secret is not written (an existing one is kept).')
param googleMapsApiKey string = ''

@secure()
@description('HMAC key that signs list cursors, shared by every instance. Empty: the secret is not written.')
param cursorSigningKey string = ''

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Deny'
    }
  }
}

resource kakaoSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(kakaoRestApiKey)) {
  parent: vault
  name: 'kakao-rest-api-key'
  properties: {
    value: kakaoRestApiKey
    contentType: 'text/plain'
  }
}

resource googleSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(googleMapsApiKey)) {
  parent: vault
  name: 'google-maps-api-key'
  properties: {
    value: googleMapsApiKey
    contentType: 'text/plain'
  }
}

resource cursorSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(cursorSigningKey)) {
  parent: vault
  name: 'cursor-signing-key'
  properties: {
    value: cursorSigningKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri

// Two storage accounts, so that shared keys exist only where Azure Functions cannot do without them:
// - content: the Elastic Premium content share (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING). Azure Files has
//   no managed-identity auth for it, so this account keeps shared-key access; it is private-endpoint only.
// - data: AzureWebJobsStorage__accountName for the host (leases, keys, timers) and the app (tables, blobs,
//   queues), reached with the app's managed identity. Shared keys are off, so every request is Entra ID or a
//   user-delegation SAS (which is how browsers upload photos, hence the optional public endpoint and CORS).

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@minLength(3)
@maxLength(24)
@description('Name of the content-share account.')
param contentAccountName string

@minLength(3)
@maxLength(24)
@description('Name of the host + app data account (AzureWebJobsStorage__accountName).')
param dataAccountName string

@description('Azure Files share that holds the app content (WEBSITE_CONTENTSHARE).')
param contentShareName string

@minLength(1)
@description('Browser origins allowed to PUT photo uploads with a SAS URL.')
param corsAllowedOrigins array

@description('Whether browsers may reach the data account\'s public endpoint (SAS uploads).')
param allowPublicBlobUploads bool

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
@description('Replication of both accounts.')
param skuName string = 'Standard_LRS'

resource content 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: contentAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // Documented exception: the Elastic Premium content share is mounted with the account key.
    allowSharedKeyAccess: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Deny'
    }
  }
}

resource contentFiles 'Microsoft.Storage/storageAccounts/fileServices@2024-01-01' = {
  parent: content
  name: 'default'
}

// Created here because the platform cannot create a share in an account that has no public endpoint.
resource contentShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2024-01-01' = {
  parent: contentFiles
  name: contentShareName
  properties: {
    shareQuota: 100
    enabledProtocols: 'SMB'
  }
}

resource data 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: allowPublicBlobUploads ? 'Enabled' : 'Disabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: allowPublicBlobUploads ? 'Allow' : 'Deny'
    }
  }
}

resource dataBlobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: data
  name: 'default'
  properties: {
    cors: {
      corsRules: [
        {
          allowedOrigins: corsAllowedOrigins
          allowedMethods: ['GET', 'HEAD', 'PUT', 'OPTIONS']
          allowedHeaders: ['content-type', 'content-length', 'x-ms-*']
          exposedHeaders: ['etag', 'x-ms-request-id']
          maxAgeInSeconds: 3600
        }
      ]
    }
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

output contentAccountName string = content.name
output contentAccountId string = content.id
output contentShareName string = contentShare.name
output dataAccountName string = data.name
output dataAccountId string = data.id

// Azure Managed Redis (Microsoft.Cache/redisEnterprise), the successor of the retiring Azure Cache for Redis:
// one cluster with its one database `default`, TLS only on port 10000, reachable only through its private
// endpoint (main.bicep), allkeys-lru as the cache design asks. Access keys are disabled: the app signs in
// with its managed identity (Entra ID), given data access by an access policy assignment in
// appRoleAssignments.bicep. No Redis secret exists anywhere, so Key Vault holds none.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Cluster name.')
param cacheName string

@description('Azure Managed Redis SKU (tier and size), e.g. Balanced_B1.')
param skuName string = 'Balanced_B1'

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: cacheName
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

// EnterpriseCluster: the service's proxy presents one endpoint, so an ordinary (non-cluster) client works.
resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    clusteringPolicy: 'EnterpriseCluster'
    evictionPolicy: 'AllKeysLRU'
    accessKeysAuthentication: 'Disabled'
  }
}

output name string = cluster.name
output id string = cluster.id
output hostName string = cluster.properties.hostName
output port int = database.properties.port

// Service Bus Premium (the tier with private endpoints) and the itinerary-generation queue from seed 000:
// max delivery 3, lock 5 min, TTL 1 h, dead-lettering on expiry, and duplicate detection so that a message's
// messageId (the job's idempotency key) is accepted once. SAS keys are off: senders and the worker use the
// app's managed identity (Azure Service Bus Data Sender / Receiver).

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Service Bus namespace name.')
param namespaceName string

@allowed([1, 2, 4, 8, 16])
@description('Premium messaging units.')
param capacity int = 1

@description('Queue that carries itinerary jobs (ITINERARY_QUEUE_NAME).')
param queueName string

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Premium'
    tier: 'Premium'
    capacity: capacity
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    premiumMessagingPartitions: 1
  }
}

resource itineraryQueue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    maxDeliveryCount: 3
    lockDuration: 'PT5M'
    defaultMessageTimeToLive: 'PT1H'
    deadLetteringOnMessageExpiration: true
    requiresDuplicateDetection: true
    // As long as a message can live: a resend of the same job within its lifetime is dropped.
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    requiresSession: false
    maxSizeInMegabytes: 5120
  }
}

output namespaceName string = namespace.name
output namespaceId string = namespace.id
output namespaceFqdn string = '${namespace.name}.servicebus.windows.net'
output queueName string = itineraryQueue.name

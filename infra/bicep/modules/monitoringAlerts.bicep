// Alerts, one action group and a workbook over Application Insights (issue #16).
// The app exports OpenTelemetry to Application Insights: HTTP invocations land in `requests`, upstream
// calls in `dependencies`, and the app's metrics (cache_hit_ratio, circuit_state, job_outcomes, ...)
// in `customMetrics` with their attributes in `customDimensions`. The KQL is documented in README.md.

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name prefix for the alert rules, the action group and the workbook.')
param namePrefix string

@description('Application Insights component the alerts query and the workbook opens on.')
param appInsightsId string

@description('Service Bus namespace whose dead-letter count is watched.')
param serviceBusNamespaceId string

@description('Who is told when an alert fires. Empty: the alerts still fire, on the portal only.')
param alertEmail string = ''

@description('Alert when more than this percentage of HTTP invocations answer 5xx in 5 minutes.')
param http5xxPercent int = 5

@description('Alert when the 95th percentile HTTP invocation time exceeds this (ms) over 15 minutes.')
param p95LatencyMs int = 3000

@description('Alert when a cache hit ratio (percent) stays below this over an hour.')
param cacheHitRatioPercent int = 80

@description('Alert when more than this percentage of job deliveries end failed in 15 minutes.')
param jobFailurePercent int = 10

var actionGroups = empty(alertEmail) ? [] : [actionGroup.id]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'tripgen'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// One log alert per condition: each query yields one number (or one per dimension) compared with a threshold.
var logAlerts = [
  {
    name: 'http-5xx-rate'
    description: 'HTTP 5xx responses above ${http5xxPercent}% of requests'
    severity: 1
    window: 'PT5M'
    query: '''
requests
| summarize total = count(), failed = countif(toint(resultCode) >= 500)
| extend percent = iff(total == 0, 0.0, 100.0 * failed / total)
'''
    column: 'percent'
    operator: 'GreaterThan'
    threshold: http5xxPercent
    dimensions: []
  }
  {
    name: 'p95-latency'
    description: 'p95 HTTP invocation time above ${p95LatencyMs} ms'
    severity: 2
    window: 'PT15M'
    query: '''
requests
| summarize p95 = percentile(duration, 95) by operation_Name
'''
    column: 'p95'
    operator: 'GreaterThan'
    threshold: p95LatencyMs
    dimensions: ['operation_Name']
  }
  {
    name: 'circuit-open'
    description: 'A provider circuit breaker is open (calls refused without reaching the provider)'
    severity: 1
    window: 'PT5M'
    query: '''
customMetrics
| where name == "circuit_state"
| extend provider = tostring(customDimensions.provider), endpoint = tostring(customDimensions.endpoint)
| summarize open = max(value) by provider, endpoint
'''
    column: 'open'
    operator: 'GreaterThanOrEqual'
    threshold: 1
    dimensions: ['provider', 'endpoint']
  }
  {
    name: 'cache-hit-ratio'
    description: 'Place cache hit ratio below ${cacheHitRatioPercent}%'
    severity: 3
    window: 'PT1H'
    query: '''
customMetrics
| where name == "cache_hit_ratio" and tostring(customDimensions.service) == "location"
| extend cache_type = tostring(customDimensions.cache_type)
| summarize percent = 100.0 * avg(value) by cache_type
'''
    column: 'percent'
    operator: 'LessThan'
    threshold: cacheHitRatioPercent
    dimensions: ['cache_type']
  }
  {
    name: 'job-failure-rate'
    description: 'More than ${jobFailurePercent}% of itinerary job deliveries failed'
    severity: 2
    window: 'PT15M'
    query: '''
customMetrics
| where name == "job_outcomes"
| extend outcome = tostring(customDimensions.outcome)
| summarize failed = sumif(valueSum, outcome == "failed"), total = sum(valueSum)
| extend percent = iff(total == 0, 0.0, 100.0 * failed / total)
'''
    column: 'percent'
    operator: 'GreaterThan'
    threshold: jobFailurePercent
    dimensions: []
  }
]

resource logAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in logAlerts: {
    name: 'alert-${namePrefix}-${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'TripGen: ${alert.description}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: 'PT5M'
      windowSize: alert.window
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Maximum'
            metricMeasureColumn: alert.column
            operator: alert.operator
            threshold: alert.threshold
            dimensions: [
              for dimension in alert.dimensions: {
                name: dimension
                operator: 'Include'
                values: ['*']
              }
            ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: actionGroups
      }
    }
  }
]

// Dead-lettered job messages are a platform metric of the namespace, by queue (EntityName).
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${namePrefix}-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'Itinerary job messages were dead-lettered (their jobs end failed)'
    severity: 2
    enabled: true
    scopes: [serviceBusNamespaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [for id in actionGroups: { actionGroupId: id }]
  }
}

// The workbook: one KQL query per section (README.md "Monitoring" lists the same queries).
var workbookQueries = [
  {
    title: 'Performance by function'
    visualization: 'table'
    query: '''
requests
| summarize calls = count(), failed = countif(success == false), p50 = percentile(duration, 50), p95 = percentile(duration, 95) by operation_Name
| order by calls desc
'''
  }
  {
    title: 'Cache hit ratio'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "cache_hit_ratio"
| extend series = strcat(tostring(customDimensions.service), "/", tostring(customDimensions.cache_type))
| summarize ratio = avg(value) by series, bin(timestamp, 5m)
'''
  }
  {
    title: 'External API calls'
    visualization: 'table'
    query: '''
dependencies
| where target contains "kakao" or target contains "google" or isnotempty(customDimensions["tripgen.provider"])
| extend provider = tostring(customDimensions["tripgen.provider"]), operation = tostring(customDimensions["tripgen.operation"])
| summarize calls = count(), failed = countif(success == false), p95 = percentile(duration, 95), retries = sum(toint(customDimensions["tripgen.retry_count"])) by provider, operation, target
| order by calls desc
'''
  }
  {
    title: 'External API latency (ms)'
    visualization: 'timechart'
    query: '''
customMetrics
| where name == "external_api_latency"
| extend endpoint = tostring(customDimensions.endpoint)
| summarize avg_ms = sum(valueSum) / sum(valueCount) by endpoint, bin(timestamp, 5m)
'''
  }
  {
    title: 'Jobs'
    visualization: 'table'
    query: '''
customMetrics
| where name in ("job_duration", "queue_wait_time", "itinerary_generation_time", "planner_cpu_time")
| extend step = tostring(customDimensions.step), outcome = tostring(customDimensions.outcome)
| summarize count = sum(valueCount), avg_ms = sum(valueSum) / sum(valueCount), max_ms = max(valueMax) by name, step, outcome
'''
  }
]

// A for-expression may not sit inside a function argument (BCP138), so the items are built here.
var workbookItems = [
  for (q, i) in workbookQueries: {
    type: 3
    name: 'query-${i}'
    content: {
      version: 'KqlItem/1.0'
      title: q.title
      query: q.query
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: q.visualization
      size: 0
    }
  }
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, namePrefix, 'tripgen-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'TripGen operations'
    category: 'workbook'
    sourceId: appInsightsId
    serializedData: string({
      version: 'Notebook/1.0'
      items: workbookItems
      fallbackResourceIds: [appInsightsId]
    })
  }
}

output actionGroupId string = empty(alertEmail) ? '' : actionGroup.id
output workbookId string = workbook.id

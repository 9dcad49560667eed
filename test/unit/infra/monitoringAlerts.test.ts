import { describe, expect, it } from 'vitest';

import { METRIC } from '../../../src/shared/telemetry/telemetryNames.js';
import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import type { BicepNode } from './support/bicepSyntax.js';
import { bicep } from './support/infraFiles.js';

const alerts = bicep('infra/bicep/modules/monitoringAlerts.bicep');
const monitoring = bicep('infra/bicep/modules/monitoring.bicep');
const main = bicep('infra/bicep/main.bicep');

const itemsOf = (node: BicepNode | undefined): BicepNode[] => (node?.kind === 'array' ? [...node.items] : []);
const logAlerts = itemsOf(alerts.find('var', 'logAlerts').value);
const alertNamed = (name: string) => logAlerts.find((a) => stringOf(at(a, 'name')) === name);
const queryOf = (node: BicepNode | undefined) => stringOf(at(node, 'query')) ?? '';

describe('alerts, action group and workbook (monitoringAlerts.bicep)', () => {
  it('is deployed by main.bicep on Application Insights and the Service Bus namespace', () => {
    const module = main.find('module', 'monitoringAlerts');
    expect(module.target).toBe('modules/monitoringAlerts.bicep');
    expect(textOf(at(module.value, 'params.appInsightsId'))).toBe('monitoring.outputs.appInsightsId');
    expect(textOf(at(module.value, 'params.serviceBusNamespaceId'))).toBe('serviceBus.outputs.namespaceId');
    expect(textOf(at(module.value, 'params.alertEmail'))).toBe('alertEmail');
    expect(textOf(monitoring.find('output', 'appInsightsId').value)).toBe('appInsights.id');
  });

  it('has one e-mail action group that every alert notifies', () => {
    const group = alerts.find('resource', 'actionGroup');
    expect(group.target).toBe('Microsoft.Insights/actionGroups@2023-01-01');
    expect(textOf(at(group.value, 'properties.emailReceivers'))).toContain('emailAddress: alertEmail');
    const rule = alerts.find('resource', 'logAlert');
    expect(rule.loop).toBe(true);
    expect(textOf(at(rule.value, 'properties.actions.actionGroups'))).toBe('actionGroups');
    expect(textOf(at(alerts.find('resource', 'deadLetterAlert').value, 'properties.actions'))).toContain(
      'actionGroupId: id',
    );
  });

  it('alerts on the 5xx rate, p95 latency, an open circuit, cache hit ratio < 80 % and job failures', () => {
    expect(logAlerts.map((a) => stringOf(at(a, 'name')))).toEqual([
      'http-5xx-rate',
      'p95-latency',
      'circuit-open',
      'cache-hit-ratio',
      'job-failure-rate',
    ]);
    expect(queryOf(alertNamed('http-5xx-rate'))).toContain('toint(resultCode) >= 500');
    expect(queryOf(alertNamed('p95-latency'))).toContain('percentile(duration, 95)');
    // The metric names in the queries are the ones the app emits.
    expect(queryOf(alertNamed('circuit-open'))).toContain(`name == "${METRIC.circuitState}"`);
    expect(queryOf(alertNamed('cache-hit-ratio'))).toContain(`name == "${METRIC.cacheHitRatio}"`);
    expect(textOf(at(alertNamed('cache-hit-ratio'), 'operator'))).toBe("'LessThan'");
    expect(literalOf(alerts.find('param', 'cacheHitRatioPercent').value)).toBe(80);
    expect(queryOf(alertNamed('job-failure-rate'))).toContain(`name == "${METRIC.jobOutcomes}"`);
    for (const alert of logAlerts) {
      expect(queryOf(alert)).toContain(stringOf(at(alert, 'column'))!);
    }
    const rule = alerts.find('resource', 'logAlert');
    expect(rule.target).toBe('Microsoft.Insights/scheduledQueryRules@2023-12-01');
    expect(textOf(at(rule.value, 'properties.scopes'))).toBe('[appInsightsId]');
  });

  it('alerts on dead-lettered job messages from the Service Bus metric', () => {
    const rule = alerts.find('resource', 'deadLetterAlert');
    expect(rule.target).toBe('Microsoft.Insights/metricAlerts@2018-03-01');
    expect(textOf(at(rule.value, 'properties.scopes'))).toBe('[serviceBusNamespaceId]');
    const criteria = textOf(at(rule.value, 'properties.criteria'));
    expect(criteria).toContain("metricName: 'DeadletteredMessages'");
    expect(criteria).toContain("operator: 'GreaterThan'");
  });

  it('has a workbook with the performance, cache, external API and job queries', () => {
    const queries = itemsOf(alerts.find('var', 'workbookQueries').value);
    expect(queries.map((q) => stringOf(at(q, 'title')))).toEqual([
      'Performance by function',
      'Cache hit ratio',
      'External API calls',
      'External API latency (ms)',
      'Jobs',
    ]);
    expect(queryOf(queries[2])).toContain('target contains "kakao" or target contains "google"');
    expect(queryOf(queries[3])).toContain(`name == "${METRIC.externalApiLatency}"`);
    const workbook = alerts.find('resource', 'workbook');
    expect(workbook.target).toBe('Microsoft.Insights/workbooks@2023-06-01');
    expect(textOf(at(workbook.value, 'properties.sourceId'))).toBe('appInsightsId');
  });

  it('sets Log Analytics retention and a daily cap from main.bicep parameters', () => {
    const workspace = monitoring.find('resource', 'workspace');
    expect(textOf(at(workspace.value, 'properties.retentionInDays'))).toBe('retentionInDays');
    expect(textOf(at(workspace.value, 'properties.workspaceCapping.dailyQuotaGb'))).toBe('dailyQuotaGb');
    const module = main.find('module', 'monitoring');
    expect(textOf(at(module.value, 'params.retentionInDays'))).toBe('logRetentionInDays');
    expect(textOf(at(module.value, 'params.dailyQuotaGb'))).toBe('logDailyQuotaGb');
  });
});

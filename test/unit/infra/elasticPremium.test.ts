import { describe, expect, it } from 'vitest';

import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { tokenize } from './support/bicepTokens.js';
import { allBicepFiles, bicep } from './support/infraFiles.js';

// The EP1 traps of docs/azure.md: samples target Flex Consumption (FC1, Microsoft.App/environments
// subnets, functionAppConfig) and AVM serverfarm defaults (P1v3, kind 'app'); copied onto EP1 they break.
const functionApp = bicep('infra/bicep/modules/functionApp.bicep');
const plan = functionApp.find('resource', 'plan').value;
const site = functionApp.find('resource', 'site').value;

describe('Elastic Premium plan and Function App', () => {
  it('is an EP1 Elastic Premium Linux plan with a maximum worker count parameter', () => {
    expect(stringOf(at(plan, 'kind'))).toBe('elastic');
    expect(textOf(at(plan, 'sku.name'))).toBe('planSku');
    expect(stringOf(functionApp.find('param', 'planSku').value)).toBe('EP1');
    expect(stringOf(bicep('infra/bicep/main.bicep').find('param', 'functionPlanSku').value)).toBe('EP1');
    expect(stringOf(at(plan, 'sku.tier'))).toBe('ElasticPremium');
    expect(stringOf(at(plan, 'sku.family'))).toBe('EP');
    expect(literalOf(at(plan, 'properties.reserved'))).toBe(true);
    expect(textOf(at(plan, 'properties.maximumElasticWorkerCount'))).toBe('maximumElasticWorkerCount');
  });

  it('is a Linux function app on Node 22 with a system-assigned identity', () => {
    expect(stringOf(at(site, 'kind'))).toBe('functionapp,linux');
    expect(literalOf(at(site, 'properties.reserved'))).toBe(true);
    expect(stringOf(at(site, 'properties.siteConfig.linuxFxVersion'))).toBe('Node|22');
    expect(stringOf(at(site, 'identity.type'))).toBe('SystemAssigned');
    expect(textOf(at(site, 'properties.serverFarmId'))).toBe('plan.id');
  });

  it('joins the delegated subnet and routes all outbound traffic and the content share through the VNet', () => {
    expect(textOf(at(site, 'properties.virtualNetworkSubnetId'))).toBe('appSubnetId');
    expect(literalOf(at(site, 'properties.outboundVnetRouting.allTraffic'))).toBe(true);
    expect(literalOf(at(site, 'properties.outboundVnetRouting.applicationTraffic'))).toBe(true);
    expect(literalOf(at(site, 'properties.outboundVnetRouting.contentShareTraffic'))).toBe(true);
    expect(literalOf(at(site, 'properties.siteConfig.vnetRouteAllEnabled'))).toBe(true);
    const settings = functionApp.objectVar('appSettings');
    expect(stringOf(settings.get('WEBSITE_CONTENTOVERVNET'))).toBe('1');
    expect(
      textOf(at(bicep('infra/bicep/main.bicep').find('module', 'functionApp').value, 'params.appSubnetId')),
    ).toBe('network.outputs.appSubnetId');
  });

  it('has runtime scale monitoring on (Service Bus trigger behind a private endpoint)', () => {
    expect(literalOf(at(site, 'properties.siteConfig.functionsRuntimeScaleMonitoringEnabled'))).toBe(true);
  });

  it('is HTTPS only with TLS 1.2+, FTP off and no basic-auth publishing', () => {
    expect(literalOf(at(site, 'properties.httpsOnly'))).toBe(true);
    expect(stringOf(at(site, 'properties.siteConfig.minTlsVersion'))).toBe('1.2');
    expect(stringOf(at(site, 'properties.siteConfig.scmMinTlsVersion'))).toBe('1.2');
    expect(stringOf(at(site, 'properties.siteConfig.ftpsState'))).toBe('Disabled');
    const policies = functionApp.resources('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    expect(
      policies.map((p) => [stringOf(at(p.value, 'name')), literalOf(at(p.value, 'properties.allow'))]),
    ).toEqual([
      ['ftp', false],
      ['scm', false],
    ]);
  });

  it('keeps the content share settings Elastic Premium needs, pointing at a share the Bicep creates', () => {
    const settings = functionApp.objectVar('appSettings');
    expect(textOf(settings.get('WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'))).toBe(
      'contentShareConnectionString',
    );
    expect(textOf(settings.get('WEBSITE_CONTENTSHARE'))).toBe('contentShareName');
    const main = bicep('infra/bicep/main.bicep');
    expect(textOf(at(main.find('module', 'functionApp').value, 'params.contentShareName'))).toBe(
      'storage.outputs.contentShareName',
    );
    const share = bicep('infra/bicep/modules/storage.bicep').find('resource', 'contentShare');
    expect(share.target).toMatch(/^Microsoft\.Storage\/storageAccounts\/fileServices\/shares@/);
  });

  it('is tagged for azd deploy with the service name of azure.yaml', () => {
    expect(textOf(at(site, 'tags'))).toContain("'azd-service-name': azdServiceName");
    expect(stringOf(functionApp.find('param', 'azdServiceName').value)).toBe('api');
  });

  it('uses none of the Flex Consumption or App Service plan defaults anywhere', () => {
    for (const file of allBicepFiles()) {
      const code = tokenize(file.source) // comments (which name the traps) are dropped
        .map((token) => token.text)
        .join(' ');
      expect(code, file.path).not.toMatch(
        /FlexConsumption|'FC1'|functionAppConfig|Microsoft\.App\/environments|P1v3/,
      );
    }
  });
});

import { describe, expect, it } from 'vitest';

import { SETTINGS_BY_NAME } from '../../../src/shared/config/settings.js';
import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { bicep } from './support/infraFiles.js';

const module = bicep('infra/bicep/modules/translator.bicep');
const main = bicep('infra/bicep/main.bicep');
const account = module.resources('Microsoft.CognitiveServices/accounts')[0]!;

describe('Azure Translator (translator.bicep)', () => {
  it('is a TextTranslation account with a custom subdomain, keys off and no public access', () => {
    expect(stringOf(at(account.value, 'kind'))).toBe('TextTranslation');
    expect(textOf(at(account.value, 'properties.customSubDomainName'))).toBe('accountName');
    expect(literalOf(at(account.value, 'properties.disableLocalAuth'))).toBe(true);
    expect(stringOf(at(account.value, 'properties.publicNetworkAccess'))).toBe('Disabled');
  });

  it('gives the app identity "Cognitive Services User" on the account only', () => {
    const [assignment] = module.resources('Microsoft.Authorization/roleAssignments');
    expect(textOf(at(assignment!.value, 'scope'))).toBe('translator');
    expect(textOf(at(assignment!.value, 'properties.principalId'))).toBe('principalId');
    expect(stringOf(module.find('var', 'cognitiveServicesUserRoleId').value)).toBe(
      'a97b65f3-24c7-4388-baec-2e87135dc908',
    );
  });

  it('is reached through a private endpoint (group "account") in the cognitiveservices zone', () => {
    const endpoint = module.modules('privateEndpoint.bicep')[0]!;
    expect(stringOf(at(endpoint.value, 'params.groupId'))).toBe('account');
    expect(stringOf(main.objectVar('privateDnsZoneNames').get('cognitiveServices'))).toBe(
      'privatelink.cognitiveservices.azure.com',
    );
    const wired = main.find('module', 'translator').value;
    expect(textOf(at(wired, 'params.privateDnsZoneName'))).toBe('privateDnsZoneNames.cognitiveServices');
    expect(textOf(at(wired, 'params.principalId'))).toBe('functionApp.outputs.principalId');
  });

  it('points the app’s TRANSLATOR_ENDPOINT at the account’s custom subdomain', () => {
    const app = main.find('module', 'functionApp').value;
    expect(textOf(at(app, 'params.translatorEndpoint'))).toBe(
      "'https://${translatorAccountName}.cognitiveservices.azure.com/'",
    );
    expect(textOf(at(main.find('module', 'translator').value, 'params.accountName'))).toBe(
      'translatorAccountName',
    );
    expect(SETTINGS_BY_NAME.get('TRANSLATOR_KEY')?.keyVaultName).toBe('translator-key');
  });
});

import { describe, expect, it } from 'vitest';

import { at, literalOf, stringOf, textOf } from './support/bicepFile.js';
import { allBicepFiles, bicep, documentedNames } from './support/infraFiles.js';

const functionApp = bicep('infra/bicep/modules/functionApp.bicep');
const appSettings = functionApp.objectVar('appSettings');

/** Declarations (kind + name) whose text calls listKeys(), per file. */
function listKeysUsers(): string[] {
  return allBicepFiles().flatMap((file) =>
    file.declarations
      .filter((d) => textOf(d.value).includes('listKeys('))
      .map((d) => `${file.path.replace('infra/bicep/', '')} ${d.keyword} ${d.name}`),
  );
}

describe('keys versus managed identity', () => {
  it('read an access key only for the one documented exception, the content share', () => {
    expect(documentedNames('key-exceptions')).toEqual(['WEBSITE_CONTENTAZUREFILECONNECTIONSTRING']);
    expect(listKeysUsers()).toEqual(['modules/functionApp.bicep var contentShareConnectionString']);
  });

  it('use the content-share connection string for the content share setting only', () => {
    const users = [...appSettings].filter(([, node]) =>
      textOf(node).includes('contentShareConnectionString'),
    );
    expect(users.map(([name]) => name)).toEqual(['WEBSITE_CONTENTAZUREFILECONNECTIONSTRING']);
    for (const [name, node] of appSettings) {
      if (name === 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING') continue;
      expect(textOf(node), name).not.toMatch(/AccountKey=|SharedAccessKey|Endpoint=sb:|listKeys\(/);
    }
  });

  it('connect the host, app data and Service Bus through the identity, never a connection string', () => {
    expect(appSettings.has('AzureWebJobsStorage')).toBe(false);
    expect(appSettings.has('ServiceBusConnection')).toBe(false);
    expect(appSettings.has('AzureWebJobsStorage__accountName')).toBe(true);
    expect(stringOf(appSettings.get('AzureWebJobsStorage__credential'))).toBe('managedidentity');
    expect(appSettings.has('ServiceBusConnection__fullyQualifiedNamespace')).toBe(true);
    expect(stringOf(appSettings.get('APPLICATIONINSIGHTS_AUTHENTICATION_STRING'))).toBe('Authorization=AAD');
  });

  it('turn key authentication off where identity covers every caller', () => {
    const storage = bicep('infra/bicep/modules/storage.bicep');
    expect(literalOf(at(storage.find('resource', 'data').value, 'properties.allowSharedKeyAccess'))).toBe(
      false,
    );
    const namespace = bicep('infra/bicep/modules/serviceBus.bicep').find('resource', 'namespace');
    expect(literalOf(at(namespace.value, 'properties.disableLocalAuth'))).toBe(true);
    const insights = bicep('infra/bicep/modules/monitoring.bicep').find('resource', 'appInsights');
    expect(literalOf(at(insights.value, 'properties.DisableLocalAuth'))).toBe(true);
  });

  it('keep the key-based content account private and separate from the data account', () => {
    const storage = bicep('infra/bicep/modules/storage.bicep');
    const content = storage.find('resource', 'content').value;
    expect(literalOf(at(content, 'properties.allowSharedKeyAccess'))).toBe(true);
    expect(stringOf(at(content, 'properties.publicNetworkAccess'))).toBe('Disabled');
    const main = bicep('infra/bicep/main.bicep');
    const params = at(main.find('module', 'storage').value, 'params');
    expect(textOf(at(params, 'contentAccountName'))).not.toBe(textOf(at(params, 'dataAccountName')));
  });

  it('give Redis no key at all: access keys off, the app signs in with its identity', () => {
    const database = bicep('infra/bicep/modules/redis.bicep').find('resource', 'database');
    expect(stringOf(at(database.value, 'properties.accessKeysAuthentication'))).toBe('Disabled');
    expect(allBicepFiles().flatMap((file) => file.resources('Microsoft.Cache/redis'))).toEqual([]);
  });

  it('never output a key (the list* functions are the ones that return keys)', () => {
    const outputs = allBicepFiles().flatMap((file) =>
      file.declarations.filter((d) => d.keyword === 'output'),
    );
    expect(outputs.length).toBeGreaterThan(10);
    for (const output of outputs) {
      expect(textOf(output.value), `output ${output.name}`).not.toMatch(
        /\blist\w*\(|contentShareConnectionString/,
      );
    }
  });
});

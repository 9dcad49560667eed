import { describe, expect, it } from 'vitest';

import { SETTINGS, SETTINGS_BY_NAME } from '../../../src/shared/config/settings.js';
import { at, stringOf, textOf } from './support/bicepFile.js';
import { allBicepFiles, bicep, documentedNames } from './support/infraFiles.js';

const functionApp = bicep('infra/bicep/modules/functionApp.bicep');
const appSettings = functionApp.objectVar('appSettings');
const names = [...appSettings.keys()];
const platformSettings = documentedNames('platform-settings');

describe('Function App settings in Bicep', () => {
  it('are what the site is created with', () => {
    const applied = textOf(
      at(functionApp.find('resource', 'site').value, 'properties.siteConfig.appSettings'),
    );
    // map(), not a for-loop: BCP178 forbids a loop over values known only during the deployment.
    expect(applied).toMatch(
      /^map\(items\(appSettings\), setting => \{ name: setting\.key, value: setting\.value \}\)$/,
    );
  });

  it('set every setting the config schema requires in production', () => {
    const required = SETTINGS.filter((s) => s.requiredInProduction).map((s) => s.name);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !appSettings.has(name))).toEqual([]);
  });

  it('use only names of the config schema or of the documented platform settings', () => {
    const unknown = names.filter((name) => !SETTINGS_BY_NAME.has(name) && !platformSettings.includes(name));
    expect(unknown).toEqual([]);
  });

  it('set every documented platform setting, and none that is also in the schema', () => {
    expect(platformSettings.filter((name) => !appSettings.has(name))).toEqual([]);
    expect(platformSettings.filter((name) => SETTINGS_BY_NAME.has(name))).toEqual([]);
  });

  it('run the app in production with Entra ID (jwks) tokens and no sandbox', () => {
    expect(stringOf(appSettings.get('APP_ENV'))).toBe('production');
    expect(stringOf(appSettings.get('AUTH_MODE'))).toBe('jwks');
    expect(stringOf(appSettings.get('SANDBOX_UPSTREAM'))).toBe('false');
    expect(stringOf(appSettings.get('FUNCTIONS_WORKER_RUNTIME'))).toBe('node');
    expect(stringOf(appSettings.get('FUNCTIONS_EXTENSION_VERSION'))).toBe('~4');
  });

  it('hold values the config schema accepts wherever they are literals', () => {
    for (const [name, node] of appSettings) {
      const literal = stringOf(node);
      const spec = SETTINGS_BY_NAME.get(name);
      if (literal === undefined || !spec) continue;
      expect(spec.schema.safeParse(literal).success, `${name}='${literal}'`).toBe(true);
    }
  });

  it('carry no secret: the app reads secrets from Key Vault through KEY_VAULT_URI', () => {
    // REDIS_URL is a secret only where it holds a password (local Redis); in Azure it is a bare host:port.
    const secretNames = SETTINGS.filter((s) => s.secret && s.name !== 'REDIS_URL').map((s) => s.name);
    expect(names.filter((name) => secretNames.includes(name))).toEqual([]);
    expect(textOf(appSettings.get('REDIS_URL'))).toBe("'rediss://${redisHostName}:${redisPort}'");
    expect(stringOf(appSettings.get('REDIS_AUTH'))).toBe('entra');
    expect(names.filter((name) => textOf(appSettings.get(name)).includes('@Microsoft.KeyVault('))).toEqual(
      [],
    );
    expect(textOf(appSettings.get('KEY_VAULT_URI'))).toBe('keyVaultUri');
  });

  it('point the queue setting at the queue the Bicep creates', () => {
    const main = bicep('infra/bicep/main.bicep');
    const passed = textOf(at(main.find('module', 'functionApp').value, 'params.itineraryQueueName'));
    expect(passed).toBe('serviceBus.outputs.queueName');
    expect(stringOf(main.find('var', 'itineraryQueueName').value)).toBe(
      SETTINGS_BY_NAME.get('ITINERARY_QUEUE_NAME')?.default,
    );
  });

  it('name exactly the Key Vault secrets the config schema reads', () => {
    const written = allBicepFiles()
      .flatMap((file) => file.resources('Microsoft.KeyVault/vaults/secrets'))
      .map((secret) => stringOf(at(secret.value, 'name')));
    const expected = ['KAKAO_REST_API_KEY', 'GOOGLE_MAPS_API_KEY', 'CURSOR_SIGNING_KEY'].map(
      (name) => SETTINGS_BY_NAME.get(name)?.keyVaultName,
    );
    expect(written.sort()).toEqual(expected.sort());
  });
});

describe('settings the Functions host resolves itself', () => {
  it('every %Setting% used in a trigger binding is set by the Bicep and has a local default', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { localSettingsValues } = await import('../../../src/shared/config/settingsDocs.js');
    const referenced = new Set<string>();
    for (const file of readdirSync('src/functions').filter((f) => f.endsWith('.ts'))) {
      for (const match of readFileSync(`src/functions/${file}`, 'utf8').matchAll(/'%([A-Za-z0-9_]+)%/g))
        referenced.add(match[1]!);
    }
    expect([...referenced].sort()).toEqual(['ITINERARY_QUEUE_NAME', 'VERIFIER_SCHEDULE', 'WARMER_SCHEDULE']);
    const local = localSettingsValues();
    for (const name of referenced) {
      expect(appSettings.has(name), `${name} in Bicep`).toBe(true);
      expect(local[name], `${name} in local.settings.sample.json`).toBeDefined();
    }
  });
});

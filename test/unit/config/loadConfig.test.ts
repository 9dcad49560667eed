import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../../src/shared/config/ConfigError.js';
import {
  KeyVaultSecretSource,
  type SecretClientLike,
} from '../../../src/shared/config/KeyVaultSecretSource.js';
import { loadConfig } from '../../../src/shared/config/loadConfig.js';
import { InMemorySecretSource } from '../../../src/shared/config/SecretSource.js';

const LOCAL = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  AUTH_LOCAL_SECRET: 'a-local-secret-that-is-long-enough-000',
};

const KAKAO_SECRET = 'kakao-secret-value-1234567890';

async function configError(env: Record<string, string>, source?: InMemorySecretSource): Promise<ConfigError> {
  const error = await loadConfig(env, { secretSource: source }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig', () => {
  it('applies defaults and freezes the result', async () => {
    const config = await loadConfig(LOCAL);
    expect(config.env).toBe('local');
    expect(config.queue).toEqual({
      backend: 'storage',
      name: 'ai-itinerary-generation',
      serviceBusNamespace: undefined,
    });
    expect(config.providers.placeTimeoutMs).toBe(2000);
    expect(config.warmers.destinations[0]).toEqual({ name: 'Seoul', lat: 37.5665, lng: 126.978 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.providers)).toBe(true);
    expect(() => ((config.providers as { sandbox: boolean }).sandbox = true)).toThrow(TypeError);
  });

  it('lists every missing production setting in one error', async () => {
    const error = await configError({ APP_ENV: 'production', AUTH_MODE: 'jwks' });
    const names = error.issues.map((i) => i.setting);
    expect(names).toEqual(
      expect.arrayContaining([
        'AzureWebJobsStorage__accountName',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'KEY_VAULT_URI',
        'ServiceBusConnection__fullyQualifiedNamespace',
        'AUTH_JWKS_URI',
      ]),
    );
    for (const name of names) expect(error.message).toContain(name);
  });

  it('reports invalid values by name without echoing secret values', async () => {
    const error = await configError({ ...LOCAL, KAKAO_REST_API_KEY: 'short', PLACE_CALL_TIMEOUT_MS: 'soon' });
    expect(error.issues.map((i) => i.setting).sort()).toEqual([
      'KAKAO_REST_API_KEY',
      'PLACE_CALL_TIMEOUT_MS',
    ]);
    expect(error.message).not.toContain('short');
  });

  it('never puts a secret value in the error text, even when other settings fail', async () => {
    const error = await configError({ ...LOCAL, KAKAO_REST_API_KEY: KAKAO_SECRET, LOG_LEVEL: 'loud' });
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).not.toContain(KAKAO_SECRET);
    expect(error.message).not.toContain(LOCAL.AUTH_LOCAL_SECRET);
  });

  it('prefers Key Vault values over the environment', async () => {
    const vault = new InMemorySecretSource({ 'kakao-rest-api-key': 'from-the-vault-123456' });
    const config = await loadConfig(
      { ...LOCAL, KAKAO_REST_API_KEY: 'from-the-env-1234567' },
      { secretSource: vault },
    );
    expect(config.secrets.get('KAKAO_REST_API_KEY')).toBe('from-the-vault-123456');
    config.secrets.stopAutoRefresh();
  });

  it('falls back to the environment when the vault has no such secret', async () => {
    const config = await loadConfig(
      { ...LOCAL, GOOGLE_MAPS_API_KEY: 'env-google-key-123' },
      { secretSource: new InMemorySecretSource() },
    );
    expect(config.secrets.get('GOOGLE_MAPS_API_KEY')).toBe('env-google-key-123');
    config.secrets.stopAutoRefresh();
  });

  it('reports an unresolved Key Vault reference by setting name', async () => {
    const error = await configError({
      ...LOCAL,
      GOOGLE_MAPS_API_KEY:
        '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/google-maps-api-key/)',
    });
    expect(error.issues).toEqual([
      { setting: 'GOOGLE_MAPS_API_KEY', message: expect.stringContaining('unresolved Key Vault reference') },
    ]);
  });

  it('picks up rotated secrets on refresh and keeps old values when the vault fails', async () => {
    const vault = new InMemorySecretSource({ 'kakao-rest-api-key': 'kakao-key-one-1234567890' });
    const config = await loadConfig(LOCAL, { secretSource: vault });
    vault.set('kakao-rest-api-key', 'kakao-key-two-1234567890');
    await config.secrets.refresh();
    expect(config.secrets.get('KAKAO_REST_API_KEY')).toBe('kakao-key-two-1234567890');
    vault.getSecret = async () => {
      throw new Error('vault down');
    };
    await config.secrets.refresh();
    expect(config.secrets.get('KAKAO_REST_API_KEY')).toBe('kakao-key-two-1234567890');
    expect(config.secrets.lastRefreshError).toBe('Error');
    expect(JSON.stringify(config)).not.toContain('kakao-key-two');
    config.secrets.stopAutoRefresh();
  });

  it('chooses Service Bus when a namespace is configured', async () => {
    const config = await loadConfig({
      ...LOCAL,
      ServiceBusConnection__fullyQualifiedNamespace: 'tg-sb.servicebus.windows.net',
    });
    expect(config.queue.backend).toBe('servicebus');
  });

  it('names a bad warmer destination entry and states cross-setting rules as sentences', async () => {
    const error = await configError({
      ...LOCAL,
      AUTH_MODE: 'jwks',
      WARMER_DESTINATIONS: 'Seoul:37.5:127;Moon:x:1',
    });
    expect(error.issues).toEqual([
      { setting: 'WARMER_DESTINATIONS', message: "is invalid: entry 'Moon:x:1' is not name:lat:lng" },
    ]);
    const rule = await configError({ ...LOCAL, AUTH_MODE: 'jwks' });
    expect(rule.issues).toEqual([{ setting: 'AUTH_JWKS_URI', message: 'is required when AUTH_MODE=jwks' }]);
  });

  it('forbids local auth and the sandbox in production', async () => {
    const error = await configError({ ...LOCAL, APP_ENV: 'production', SANDBOX_UPSTREAM: 'true' });
    expect(error.issues.map((i) => i.setting)).toEqual(
      expect.arrayContaining(['AUTH_MODE', 'SANDBOX_UPSTREAM']),
    );
  });
});

describe('KeyVaultSecretSource', () => {
  it('maps SecretNotFound to undefined and passes the abort signal to the SDK call', async () => {
    const calls: { name: string; signal: unknown }[] = [];
    const client: SecretClientLike = {
      getSecret: (async (name: string, options?: { abortSignal?: AbortSignal }) => {
        calls.push({ name, signal: options?.abortSignal });
        if (name === 'missing')
          throw Object.assign(new Error('nope'), { statusCode: 404, code: 'SecretNotFound' });
        if (name === 'broken') throw Object.assign(new Error('forbidden'), { statusCode: 403 });
        return { name, value: `value-of-${name}`, properties: {} };
      }) as SecretClientLike['getSecret'],
    };
    const source = new KeyVaultSecretSource({ client });
    const signal = new AbortController().signal;
    await expect(source.getSecret('kakao-rest-api-key', signal)).resolves.toBe('value-of-kakao-rest-api-key');
    await expect(source.getSecret('missing')).resolves.toBeUndefined();
    await expect(source.getSecret('broken')).rejects.toThrow('forbidden');
    expect(calls[0]).toEqual({ name: 'kakao-rest-api-key', signal });
  });
});

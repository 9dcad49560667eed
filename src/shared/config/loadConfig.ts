import { queueBackendFor, TRIGGER_CONNECTIONS } from '../queue/queueBackend.js';
import { type AppConfig, appConfigSchema } from './appConfigSchema.js';
import { ConfigError } from './ConfigError.js';
import { KeyVaultSecretSource } from './KeyVaultSecretSource.js';
import { describeInvalid, type Environment, readSettings } from './readSettings.js';
import type { SecretSource } from './SecretSource.js';
import { SecretStore } from './SecretStore.js';
import { SETTINGS, SETTINGS_BY_NAME } from './settings.js';
import type { SecretName } from './settingsSchema.js';

export interface LoadConfigOptions {
  /** Overrides the Key Vault source built from `KEY_VAULT_URI` (tests pass an in-memory one). */
  secretSource?: SecretSource;
  signal?: AbortSignal;
}

/**
 * Read, validate and freeze the configuration. Throws one `ConfigError` listing every missing or
 * invalid setting (names and reasons only, never values).
 */
export async function loadConfig(
  env: Environment,
  options: Readonly<LoadConfigOptions> = {},
): Promise<AppConfig> {
  const source =
    options.secretSource ??
    (env.KEY_VAULT_URI ? new KeyVaultSecretSource({ vaultUri: env.KEY_VAULT_URI }) : undefined);
  const { raw, issues } = await readSettings(env, source, options.signal);
  const parsed = appConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const setting = String(issue.path[0] ?? '');
      const spec = SETTINGS_BY_NAME.get(setting);
      // A cross-setting rule already reads as a sentence; a value's issue says what was expected.
      const rule = issue.code === 'custom' && issue.params?.rule === true;
      issues.push({ setting, message: spec && !rule ? describeInvalid(spec, issue.message) : issue.message });
    }
  }
  for (const name of TRIGGER_CONNECTIONS)
    if (raw[name] !== undefined && (env[name] ?? '').trim() === '')
      issues.push({
        setting: name,
        message:
          'comes only from Key Vault, but the Functions host resolves trigger connections from app settings before the app runs: make it an app setting (or a Key Vault reference) or use the identity-based settings',
      });
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues);

  const secretValues = new Map<SecretName, string>();
  for (const spec of SETTINGS) {
    const value = raw[spec.name];
    if (spec.secret && value !== undefined) secretValues.set(spec.name as SecretName, value);
  }
  const secrets = new SecretStore(secretValues, source);
  if (source) secrets.startAutoRefresh(parsed.data.keyVault.refreshSeconds);
  // The trigger registration makes the same decision from app settings alone (queueBackendFor).
  const queue = { ...parsed.data.queue, backend: queueBackendFor(env) };
  return deepFreeze({ ...parsed.data, queue, secrets });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof SecretStore) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

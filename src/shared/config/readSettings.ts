import type { ConfigIssue } from './ConfigError.js';
import type { SecretSource } from './SecretSource.js';
import { SETTINGS, type SettingSpec } from './settings.js';

const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ReadResult {
  /** Each present setting's raw value (trimmed, default applied), for `appConfigSchema` to parse. */
  raw: Record<string, string>;
  issues: ConfigIssue[];
}

/**
 * Read every setting from the environment and, for secrets, from the secret source (which wins).
 * Collects every problem instead of stopping at the first; no value ever enters an issue message.
 * Values are parsed afterwards, by the schema, all at once.
 */
export async function readSettings(
  env: Environment,
  secretSource: SecretSource | undefined,
  signal?: AbortSignal,
): Promise<ReadResult> {
  const production = env.APP_ENV === 'production';
  const raw: Record<string, string> = {};
  const issues: ConfigIssue[] = [];
  const vaultValues = await readVault(secretSource, issues, signal);

  for (const spec of SETTINGS) {
    let value = env[spec.name];
    if (value !== undefined && KEY_VAULT_REFERENCE.test(value.trim())) {
      issues.push({
        setting: spec.name,
        message:
          'is an unresolved Key Vault reference: the platform could not resolve it (check that the secret exists, ' +
          "the app identity has 'Key Vault Secrets User' and the vault is reachable from the VNet)",
      });
      continue;
    }
    const fromVault = vaultValues.get(spec.name);
    if (fromVault !== undefined) value = fromVault;
    if (value === undefined || value.trim() === '') value = spec.default;
    if (value === undefined) {
      if (production && spec.requiredInProduction)
        issues.push({ setting: spec.name, message: 'is required in production' });
      continue;
    }
    raw[spec.name] = value.trim();
  }
  return { raw, issues };
}

async function readVault(
  source: SecretSource | undefined,
  issues: ConfigIssue[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!source) return found;
  await Promise.all(
    SETTINGS.map(async ({ name, secret, keyVaultName }) => {
      if (!secret || !keyVaultName) return;
      try {
        const value = await source.getSecret(keyVaultName, signal);
        if (value !== undefined && value !== '') found.set(name, value);
      } catch (error) {
        issues.push({
          setting: name,
          message: `could not be read from Key Vault secret '${keyVaultName}' (${errorKind(error)})`,
        });
      }
    }),
  );
  return found;
}

/** An issue's text for an invalid value: what was expected, never the value itself. */
export function describeInvalid(spec: SettingSpec, zodMessage: string | undefined): string {
  // zod messages for enums/regexes describe the expectation, not the received value, so they are safe to show.
  return `is invalid${spec.secret ? ' (value hidden)' : ''}: ${zodMessage ?? 'unexpected value'}`;
}

function errorKind(error: unknown): string {
  const e = error as { code?: string; statusCode?: number; name?: string } | undefined;
  return [e?.name, e?.code, e?.statusCode].filter(Boolean).join(' ') || 'unknown error';
}

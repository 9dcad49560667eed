import type { ConfigIssue } from './ConfigError.js';
import type { SecretSource } from './SecretSource.js';
import { SETTINGS, type SettingSpec } from './settings.js';

const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ReadResult {
  values: Map<string, unknown>;
  issues: ConfigIssue[];
}

/**
 * Read every setting from the environment and, for secrets, from the secret source (which wins).
 * Collects every problem instead of stopping at the first; no value ever enters an issue message.
 */
export async function readSettings(
  env: Environment,
  secretSource: SecretSource | undefined,
  signal?: AbortSignal,
): Promise<ReadResult> {
  const production = env.APP_ENV === 'production';
  const values = new Map<string, unknown>();
  const issues: ConfigIssue[] = [];
  const vaultValues = await readVault(secretSource, issues, signal);

  for (const spec of SETTINGS) {
    let raw = env[spec.name];
    if (raw !== undefined && KEY_VAULT_REFERENCE.test(raw.trim())) {
      issues.push({
        setting: spec.name,
        message:
          'is an unresolved Key Vault reference: the platform could not resolve it (check that the secret exists, ' +
          "the app identity has 'Key Vault Secrets User' and the vault is reachable from the VNet)",
      });
      continue;
    }
    const fromVault = vaultValues.get(spec.name);
    if (fromVault !== undefined) raw = fromVault;
    if (raw === undefined || raw.trim() === '') raw = spec.default;
    if (raw === undefined) {
      if (production && spec.requiredInProduction)
        issues.push({ setting: spec.name, message: 'is required in production' });
      continue;
    }
    const parsed = spec.schema.safeParse(raw.trim());
    if (parsed.success) values.set(spec.name, parsed.data);
    else issues.push({ setting: spec.name, message: describeInvalid(spec, parsed.error.issues[0]?.message) });
  }
  return { values, issues };
}

async function readVault(
  source: SecretSource | undefined,
  issues: ConfigIssue[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!source) return found;
  const secrets = SETTINGS.filter((s) => s.secret && s.keyVaultName);
  await Promise.all(
    secrets.map(async (spec) => {
      try {
        const value = await source.getSecret(spec.keyVaultName!, signal);
        if (value !== undefined && value !== '') found.set(spec.name, value);
      } catch (error) {
        issues.push({
          setting: spec.name,
          message: `could not be read from Key Vault secret '${spec.keyVaultName}' (${errorKind(error)})`,
        });
      }
    }),
  );
  return found;
}

function describeInvalid(spec: SettingSpec, zodMessage: string | undefined): string {
  // zod messages for enums/regexes describe the expectation, not the received value, so they are safe to show.
  return `is invalid${spec.secret ? ' (value hidden)' : ''}: ${zodMessage ?? 'unexpected value'}`;
}

function errorKind(error: unknown): string {
  const e = error as { code?: string; statusCode?: number; name?: string } | undefined;
  return [e?.name, e?.code, e?.statusCode].filter(Boolean).join(' ') || 'unknown error';
}

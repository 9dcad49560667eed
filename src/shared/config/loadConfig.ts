import type { AppConfig, SecretName } from './AppConfig.js';
import { ConfigError, type ConfigIssue } from './ConfigError.js';
import { KeyVaultSecretSource } from './KeyVaultSecretSource.js';
import { type Environment, readSettings } from './readSettings.js';
import type { SecretSource } from './SecretSource.js';
import { SecretStore } from './SecretStore.js';
import { SETTINGS } from './settings.js';

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
  const { values, issues } = await readSettings(env, source, options.signal);
  const v = <T>(name: string) => values.get(name) as T;

  const production = v<string>('APP_ENV') === 'production';
  const authMode = v<'local' | 'jwks'>('AUTH_MODE');
  const check = (ok: boolean, issue: ConfigIssue) => ok || issues.push(issue);
  if (production) {
    check(authMode === 'jwks', { setting: 'AUTH_MODE', message: 'must be `jwks` in production' });
    check(!v<boolean>('SANDBOX_UPSTREAM'), {
      setting: 'SANDBOX_UPSTREAM',
      message: 'must be false in production',
    });
  }
  if (authMode === 'jwks')
    check(values.has('AUTH_JWKS_URI'), {
      setting: 'AUTH_JWKS_URI',
      message: 'is required when AUTH_MODE=jwks',
    });
  if (authMode === 'local')
    check(values.has('AUTH_LOCAL_SECRET'), {
      setting: 'AUTH_LOCAL_SECRET',
      message: 'is required when AUTH_MODE=local',
    });
  check(values.has('AzureWebJobsStorage') || values.has('AzureWebJobsStorage__accountName'), {
    setting: 'AzureWebJobsStorage',
    message: 'set AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName (identity)',
  });
  check(!values.has('TRANSLATOR_KEY') || values.has('TRANSLATOR_REGION'), {
    setting: 'TRANSLATOR_REGION',
    message: 'is required with TRANSLATOR_KEY',
  });
  const destinations = parseDestinations(v<string>('WARMER_DESTINATIONS'), issues);
  if (issues.length > 0) throw new ConfigError(issues);

  const secretValues = new Map<SecretName, string>();
  for (const spec of SETTINGS) {
    if (spec.secret && values.has(spec.name)) secretValues.set(spec.name as SecretName, v<string>(spec.name));
  }
  const secrets = new SecretStore(secretValues, source);
  if (source) secrets.startAutoRefresh(v<number>('KEY_VAULT_REFRESH_SECONDS'));

  const serviceBusNamespace = v<string | undefined>('ServiceBusConnection__fullyQualifiedNamespace');
  const config: AppConfig = {
    env: v('APP_ENV'),
    logLevel: v('LOG_LEVEL'),
    http: { maxBodyBytes: v('HTTP_MAX_BODY_BYTES') },
    auth: {
      mode: authMode,
      issuer: v('AUTH_ISSUER'),
      audience: v('AUTH_AUDIENCE'),
      jwksUri: v('AUTH_JWKS_URI'),
    },
    providers: {
      kakaoLocalBaseUrl: v('KAKAO_LOCAL_BASE_URL'),
      kakaoMobilityBaseUrl: v('KAKAO_MOBILITY_BASE_URL'),
      googlePlacesBaseUrl: v('GOOGLE_PLACES_BASE_URL'),
      googleRoutesBaseUrl: v('GOOGLE_ROUTES_BASE_URL'),
      sandbox: v('SANDBOX_UPSTREAM'),
      placeTimeoutMs: v('PLACE_CALL_TIMEOUT_MS'),
      routeTimeoutMs: v('ROUTE_CALL_TIMEOUT_MS'),
    },
    storage: {
      connectionString: v('AzureWebJobsStorage'),
      accountName: v('AzureWebJobsStorage__accountName'),
      clientId: v('AzureWebJobsStorage__clientId'),
    },
    queue: {
      backend: values.has('ServiceBusConnection') || serviceBusNamespace ? 'servicebus' : 'storage',
      name: v('ITINERARY_QUEUE_NAME'),
      serviceBusNamespace,
    },
    cache: {
      l1MaxEntries: v('CACHE_L1_MAX_ENTRIES'),
      l1TtlSeconds: v('CACHE_L1_TTL_SECONDS'),
      redisConfigured: values.has('REDIS_URL'),
    },
    keyVault: { uri: v('KEY_VAULT_URI'), refreshSeconds: v('KEY_VAULT_REFRESH_SECONDS') },
    openai: {
      endpoint: v('AZURE_OPENAI_ENDPOINT'),
      deployment: v('AZURE_OPENAI_DEPLOYMENT'),
      apiVersion: v('AZURE_OPENAI_API_VERSION'),
      timeoutMs: v('LLM_TIMEOUT_MS'),
    },
    warmers: {
      warmerSchedule: v('WARMER_SCHEDULE'),
      verifierSchedule: v('VERIFIER_SCHEDULE'),
      runOnStartup: v('WARMERS_RUN_ON_STARTUP'),
      destinations,
      categories: v<string>('WARMER_CATEGORIES')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      upstreamBudget: v('WARMER_UPSTREAM_BUDGET'),
    },
    attachments: { maxBytes: v('ATTACHMENT_MAX_BYTES') },
    translator: {
      endpoint: v('TRANSLATOR_ENDPOINT'),
      region: v('TRANSLATOR_REGION'),
      timeoutMs: v('TRANSLATOR_TIMEOUT_MS'),
    },
    azureClientId: v('AZURE_CLIENT_ID'),
    secrets,
  };
  return deepFreeze(config);
}

function parseDestinations(raw: string, issues: ConfigIssue[]): { name: string; lat: number; lng: number }[] {
  const out: { name: string; lat: number; lng: number }[] = [];
  for (const entry of raw
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, lat, lng] = entry.split(':');
    const la = Number(lat);
    const ln = Number(lng);
    if (!name || !Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180) {
      issues.push({ setting: 'WARMER_DESTINATIONS', message: `entry '${entry}' is not name:lat:lng` });
    } else out.push({ name, lat: la, lng: ln });
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof SecretStore) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

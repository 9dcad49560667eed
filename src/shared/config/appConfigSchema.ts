import type { z } from 'zod';

import type { SecretStore } from './SecretStore.js';
import { settingsSchema, type SettingValues } from './settingsSchema.js';

/**
 * Rules across settings: production forbids local auth and the sandbox; each auth mode needs its
 * own setting; storage needs a connection string or an account name.
 */
function checkCombinations(v: SettingValues, ctx: z.RefinementCtx): void {
  const issue = (setting: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [setting], message, params: { rule: true } });
  if (v.APP_ENV === 'production') {
    if (v.AUTH_MODE !== 'jwks') issue('AUTH_MODE', 'must be `jwks` in production');
    if (v.SANDBOX_UPSTREAM) issue('SANDBOX_UPSTREAM', 'must be false in production');
  }
  if (v.AUTH_MODE === 'jwks' && v.AUTH_JWKS_URI === undefined)
    issue('AUTH_JWKS_URI', 'is required when AUTH_MODE=jwks');
  if (v.AUTH_MODE === 'local' && v.AUTH_LOCAL_SECRET === undefined)
    issue('AUTH_LOCAL_SECRET', 'is required when AUTH_MODE=local');
  if (v.TRANSLATOR_KEY !== undefined && v.TRANSLATOR_REGION === undefined)
    issue('TRANSLATOR_REGION', 'is required with TRANSLATOR_KEY');
  if (v.AzureWebJobsStorage === undefined && v.AzureWebJobsStorage__accountName === undefined)
    issue(
      'AzureWebJobsStorage',
      'set AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName (identity)',
    );
}

/** The flat settings grouped as the app reads them. Secrets other than storage's stay in `SecretStore`. */
function toAppConfig(v: SettingValues) {
  return {
    env: v.APP_ENV,
    logLevel: v.LOG_LEVEL,
    http: { maxBodyBytes: v.HTTP_MAX_BODY_BYTES },
    auth: {
      mode: v.AUTH_MODE,
      issuer: v.AUTH_ISSUER,
      audience: v.AUTH_AUDIENCE,
      jwksUri: v.AUTH_JWKS_URI,
      /** Header holding the caller's bearer token (`authorization` unless behind API Management). */
      tokenHeader: v.AUTH_TOKEN_HEADER,
    },
    providers: {
      kakaoLocalBaseUrl: v.KAKAO_LOCAL_BASE_URL,
      kakaoMobilityBaseUrl: v.KAKAO_MOBILITY_BASE_URL,
      googlePlacesBaseUrl: v.GOOGLE_PLACES_BASE_URL,
      googleRoutesBaseUrl: v.GOOGLE_ROUTES_BASE_URL,
      sandbox: v.SANDBOX_UPSTREAM,
      placeTimeoutMs: v.PLACE_CALL_TIMEOUT_MS,
      routeTimeoutMs: v.ROUTE_CALL_TIMEOUT_MS,
    },
    storage: {
      /** Connection string (Azurite, or a key-based account); absent in Azure, where `accountName` is used. */
      connectionString: v.AzureWebJobsStorage,
      accountName: v.AzureWebJobsStorage__accountName,
      clientId: v.AzureWebJobsStorage__clientId,
    },
    queue: {
      backend:
        v.ServiceBusConnection !== undefined || v.ServiceBusConnection__fullyQualifiedNamespace !== undefined
          ? ('servicebus' as const)
          : ('storage' as const),
      name: v.ITINERARY_QUEUE_NAME,
      serviceBusNamespace: v.ServiceBusConnection__fullyQualifiedNamespace,
    },
    cache: {
      l1MaxEntries: v.CACHE_L1_MAX_ENTRIES,
      l1TtlSeconds: v.CACHE_L1_TTL_SECONDS,
      redisConfigured: v.REDIS_URL !== undefined,
      redisAuth: v.REDIS_AUTH,
    },
    keyVault: { uri: v.KEY_VAULT_URI, refreshSeconds: v.KEY_VAULT_REFRESH_SECONDS },
    openai: {
      endpoint: v.AZURE_OPENAI_ENDPOINT,
      deployment: v.AZURE_OPENAI_DEPLOYMENT,
      apiVersion: v.AZURE_OPENAI_API_VERSION,
      timeoutMs: v.LLM_TIMEOUT_MS,
    },
    warmers: {
      warmerSchedule: v.WARMER_SCHEDULE,
      verifierSchedule: v.VERIFIER_SCHEDULE,
      runOnStartup: v.WARMERS_RUN_ON_STARTUP,
      destinations: v.WARMER_DESTINATIONS,
      categories: v.WARMER_CATEGORIES,
      upstreamBudget: v.WARMER_UPSTREAM_BUDGET,
    },
    attachments: { maxBytes: v.ATTACHMENT_MAX_BYTES },
    /** Azure Translator; absent endpoint = no machine translation. */
    translator: {
      endpoint: v.TRANSLATOR_ENDPOINT,
      region: v.TRANSLATOR_REGION,
      timeoutMs: v.TRANSLATOR_TIMEOUT_MS,
    },
    /** Upstream cost limits per request and per user (issue #11). */
    limits: {
      callsPerRequest: v.UPSTREAM_CALLS_PER_REQUEST,
      callsPerUserMinute: v.UPSTREAM_CALLS_PER_USER_MINUTE,
      matrixElementsPerCall: v.MATRIX_ELEMENTS_PER_CALL,
      matrixElementsPerRequest: v.MATRIX_ELEMENTS_PER_REQUEST,
    },
    azureClientId: v.AZURE_CLIENT_ID,
  };
}

/** Raw settings → the app's configuration (without `secrets`, which `loadConfig` adds). */
export const appConfigSchema = settingsSchema.superRefine(checkCombinations).transform(toAppConfig);

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The app's typed, frozen configuration, inferred from the schema. Secrets are read through `secrets` so they can rotate. */
export type AppConfig = DeepReadonly<z.output<typeof appConfigSchema>> & { readonly secrets: SecretStore };

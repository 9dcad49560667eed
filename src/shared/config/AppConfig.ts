import type { SecretStore } from './SecretStore.js';

/** The app's typed, frozen configuration. Secrets are read through `secrets` so they can rotate. */
export interface AppConfig {
  readonly env: 'local' | 'test' | 'production';
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly http: { readonly maxBodyBytes: number };
  readonly auth: {
    readonly mode: 'local' | 'jwks';
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUri?: string;
  };
  readonly providers: {
    readonly kakaoLocalBaseUrl: string;
    readonly kakaoMobilityBaseUrl: string;
    readonly googlePlacesBaseUrl: string;
    readonly googleRoutesBaseUrl: string;
    readonly sandbox: boolean;
    readonly placeTimeoutMs: number;
    readonly routeTimeoutMs: number;
  };
  readonly storage: {
    /** Connection string (Azurite, or a key-based account); absent in Azure, where `accountName` is used. */
    readonly connectionString?: string;
    readonly accountName?: string;
    readonly clientId?: string;
  };
  readonly queue: {
    readonly backend: 'servicebus' | 'storage';
    readonly name: string;
    readonly serviceBusNamespace?: string;
  };
  readonly cache: {
    readonly l1MaxEntries: number;
    readonly l1TtlSeconds: number;
    readonly redisConfigured: boolean;
  };
  readonly keyVault: { readonly uri?: string; readonly refreshSeconds: number };
  readonly openai: {
    readonly endpoint?: string;
    readonly deployment: string;
    readonly apiVersion: string;
    readonly timeoutMs: number;
  };
  readonly warmers: {
    readonly warmerSchedule: string;
    readonly verifierSchedule: string;
    readonly runOnStartup: boolean;
    readonly destinations: readonly { name: string; lat: number; lng: number }[];
    readonly categories: readonly string[];
    readonly upstreamBudget: number;
  };
  readonly attachments: { readonly maxBytes: number };
  /** Azure Translator (issue #13); absent endpoint = no machine translation. */
  readonly translator: { readonly endpoint?: string; readonly region?: string; readonly timeoutMs: number };
  readonly azureClientId?: string;
  readonly secrets: SecretStore;
}

/** Names of settings that are secrets and are read through `AppConfig.secrets`. */
export type SecretName =
  | 'KAKAO_REST_API_KEY'
  | 'GOOGLE_MAPS_API_KEY'
  | 'REDIS_URL'
  | 'ServiceBusConnection'
  | 'AzureWebJobsStorage'
  | 'AUTH_LOCAL_SECRET'
  | 'AZURE_OPENAI_API_KEY'
  | 'TRANSLATOR_KEY';

import { z } from 'zod';

/**
 * Every app setting, in one table: the single source of truth for the config schema, the README's
 * settings table, `local.settings.sample.json` and the Bicep app-settings test.
 *
 * `secret` settings may come from Key Vault (secret name `keyVaultName`, which wins over the
 * environment) and are never printed. `requiredInProduction` settings must be present when
 * `APP_ENV=production`.
 */
export interface SettingSpec {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType<unknown>;
  /** Default used when the setting is absent (as the string the environment would hold). */
  readonly default?: string;
  /** Value written to local.settings.sample.json (defaults to `default`). */
  readonly localValue?: string;
  readonly secret?: boolean;
  /** Key Vault secret name (secrets only). */
  readonly keyVaultName?: string;
  readonly requiredInProduction?: boolean;
  /** Read by the Functions host/platform rather than by the app code alone. */
  readonly platform?: boolean;
}

const url = z.url();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const ncrontab = z
  .string()
  .regex(/^\S+( \S+){5}$/, 'expected a six-field NCRONTAB expression ("sec min hour day month weekday")');

const commaList = z.string().transform((raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const destination = z
  .string()
  .transform((entry) => entry.split(':'))
  .pipe(z.tuple([z.string().min(1), z.string().min(1), z.string().min(1)]))
  .transform(([name, lat, lng]) => ({ name, lat: Number(lat), lng: Number(lng) }))
  .refine(
    (d) =>
      Number.isFinite(d.lat) && Number.isFinite(d.lng) && Math.abs(d.lat) <= 90 && Math.abs(d.lng) <= 180,
  );
const destinationList = z.string().transform((raw, ctx) => {
  const out: { name: string; lat: number; lng: number }[] = [];
  for (const entry of raw
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const parsed = destination.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
    else ctx.addIssue({ code: 'custom', message: `entry '${entry}' is not name:lat:lng` });
  }
  return out;
});

/**
 * The table itself. `as const satisfies`: every entry keeps its own schema type, so the config's types
 * are inferred from it (`settingsSchema.ts`, `appConfigSchema.ts`) instead of being written twice.
 */
export const SETTING_TABLE = [
  {
    name: 'APP_ENV',
    description:
      'Environment: `local`, `test` or `production` (production forbids local auth and the sandbox).',
    schema: z.enum(['local', 'test', 'production']),
    default: 'local',
  },
  {
    name: 'FUNCTIONS_WORKER_RUNTIME',
    description: 'Functions language worker; always `node`.',
    schema: z.literal('node'),
    default: 'node',
    platform: true,
  },
  {
    name: 'AzureWebJobsStorage',
    description:
      'Storage connection string for the host and app data (Azurite: `UseDevelopmentStorage=true`). In Azure use `AzureWebJobsStorage__accountName` instead.',
    schema: z.string().min(1),
    localValue: 'UseDevelopmentStorage=true',
    secret: true,
    platform: true,
  },
  {
    name: 'AzureWebJobsStorage__accountName',
    description: 'Storage account name for identity-based connections (Azure).',
    schema: z.string().regex(/^[a-z0-9]{3,24}$/),
    requiredInProduction: true,
    platform: true,
  },
  {
    name: 'AzureWebJobsStorage__credential',
    description: '`managedidentity` to use the app identity for storage.',
    schema: z.string(),
    platform: true,
  },
  {
    name: 'AzureWebJobsStorage__clientId',
    description: 'Client id of a user-assigned identity for storage (optional).',
    schema: z.string(),
    platform: true,
  },
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
    description: 'Application Insights connection string (logs, metrics, traces).',
    schema: z.string().min(1),
    requiredInProduction: true,
    platform: true,
  },
  {
    name: 'KEY_VAULT_URI',
    description:
      'Key Vault URI; when set, secrets are read from it with the app identity and refreshed periodically.',
    schema: url,
    requiredInProduction: true,
  },
  {
    name: 'KEY_VAULT_REFRESH_SECONDS',
    description: 'How often secrets are re-read from Key Vault.',
    schema: int(30, 86_400),
    default: '300',
  },
  {
    name: 'AZURE_CLIENT_ID',
    description: 'Client id of a user-assigned managed identity for DefaultAzureCredential (optional).',
    schema: z.string(),
  },
  {
    name: 'KAKAO_REST_API_KEY',
    description:
      'Kakao REST API key (Local + Mobility). Without it Kakao is disabled (or the sandbox is used locally).',
    schema: z.string().min(8),
    secret: true,
    keyVaultName: 'kakao-rest-api-key',
  },
  {
    name: 'GOOGLE_MAPS_API_KEY',
    description:
      'Google Maps Platform key (Places API (New), Routes API). Without it Google is disabled (or the sandbox is used locally).',
    schema: z.string().min(8),
    secret: true,
    keyVaultName: 'google-maps-api-key',
  },
  {
    name: 'KAKAO_LOCAL_BASE_URL',
    description: 'Kakao Local API base URL.',
    schema: url,
    default: 'https://dapi.kakao.com',
  },
  {
    name: 'KAKAO_MOBILITY_BASE_URL',
    description: 'Kakao Mobility API base URL.',
    schema: url,
    default: 'https://apis-navi.kakaomobility.com',
  },
  {
    name: 'GOOGLE_PLACES_BASE_URL',
    description: 'Google Places API (New) base URL.',
    schema: url,
    default: 'https://places.googleapis.com',
  },
  {
    name: 'GOOGLE_ROUTES_BASE_URL',
    description: 'Google Routes API base URL.',
    schema: url,
    default: 'https://routes.googleapis.com',
  },
  {
    name: 'SANDBOX_UPSTREAM',
    description:
      'Set by `npm start` when no provider keys are configured: provider base URLs point at the local sandbox.',
    schema: bool,
    default: 'false',
  },
  {
    name: 'PLACE_CALL_TIMEOUT_MS',
    description: 'Whole-call budget for one place operation, retries included.',
    schema: int(100, 30_000),
    default: '2000',
  },
  {
    name: 'ROUTE_CALL_TIMEOUT_MS',
    description: 'Whole-call budget for one route or matrix operation, retries included.',
    schema: int(100, 60_000),
    default: '5000',
  },
  {
    name: 'REDIS_URL',
    description:
      'Redis URL: locally `redis://127.0.0.1:6379` (a password in the URL if the server needs one); in Azure `rediss://<name>.<region>.redis.azure.net:10000` with `REDIS_AUTH=entra`. Without it the cache is in-process only and job events poll the store.',
    schema: z.string().regex(/^rediss?:\/\//, 'expected redis:// or rediss://'),
    secret: true,
  },
  {
    name: 'CACHE_L1_MAX_ENTRIES',
    description: 'In-process LRU size.',
    schema: int(10, 1_000_000),
    default: '2000',
  },
  {
    name: 'CACHE_L1_TTL_SECONDS',
    description: 'In-process LRU TTL ceiling.',
    schema: int(1, 86_400),
    default: '300',
  },
  {
    name: 'ServiceBusConnection',
    description:
      'Service Bus connection string (local use only; in Azure use `ServiceBusConnection__fullyQualifiedNamespace`). Without either, jobs go through an Azure Storage queue.',
    schema: z.string().regex(/^Endpoint=sb:\/\//, 'expected a Service Bus connection string'),
    secret: true,
    keyVaultName: 'servicebus-connection',
  },
  {
    name: 'ServiceBusConnection__fullyQualifiedNamespace',
    description: 'Service Bus namespace host for identity-based connections (`<ns>.servicebus.windows.net`).',
    schema: z.string().regex(/^[a-z0-9-]+\.servicebus\.windows\.net$/i),
    requiredInProduction: true,
  },
  {
    name: 'ITINERARY_QUEUE_NAME',
    description: 'Queue (Service Bus or Storage) that carries itinerary jobs.',
    schema: z.string().regex(/^[a-z0-9-]{3,63}$/),
    default: 'ai-itinerary-generation',
  },
  {
    name: 'AUTH_MODE',
    description: '`local` (HS256 tokens from `npm run dev-token`) or `jwks` (Entra ID or any OIDC issuer).',
    schema: z.enum(['local', 'jwks']),
    default: 'local',
  },
  {
    name: 'AUTH_LOCAL_SECRET',
    description: 'HS256 signing secret for local tokens (local mode only; at least 32 characters).',
    schema: z.string().min(32),
    localValue: 'local-development-only-signing-secret-0000',
    secret: true,
  },
  {
    name: 'AUTH_ISSUER',
    description: 'Expected `iss` of bearer tokens (e.g. `https://login.microsoftonline.com/<tenant>/v2.0`).',
    schema: z.string().min(1),
    default: 'tripgen-local',
    requiredInProduction: true,
  },
  {
    name: 'AUTH_AUDIENCE',
    description: 'Expected `aud` of bearer tokens (the API app registration).',
    schema: z.string().min(1),
    default: 'tripgen-api',
    requiredInProduction: true,
  },
  {
    name: 'AUTH_JWKS_URI',
    description: 'JWKS URL of the issuer (jwks mode).',
    schema: url,
    requiredInProduction: true,
  },
  {
    name: 'HTTP_MAX_BODY_BYTES',
    description: 'Largest accepted request body.',
    schema: int(1024, 10 * 1024 * 1024),
    default: '262144',
  },
  {
    name: 'AZURE_OPENAI_ENDPOINT',
    description:
      'Azure OpenAI endpoint; when set the planner asks the model to re-rank and explain (optional).',
    schema: url,
  },
  {
    name: 'AZURE_OPENAI_DEPLOYMENT',
    description: 'Azure OpenAI deployment name.',
    schema: z.string().min(1),
    default: 'gpt-4o-mini',
  },
  {
    name: 'AZURE_OPENAI_API_VERSION',
    description: 'Azure OpenAI API version.',
    schema: z.string().min(1),
    default: '2024-10-21',
  },
  {
    name: 'AZURE_OPENAI_API_KEY',
    description: 'Azure OpenAI key; without it the app identity is used (keyless).',
    schema: z.string().min(8),
    secret: true,
    keyVaultName: 'azure-openai-api-key',
  },
  {
    name: 'LLM_TIMEOUT_MS',
    description: 'Hard timeout for the LLM ranking call; the deterministic plan stands when it expires.',
    schema: int(100, 60_000),
    default: '8000',
  },
  // Issue #13: Azure Translator for place names and addresses in the reader's language.
  {
    name: 'TRANSLATOR_ENDPOINT',
    description:
      'Azure Translator endpoint; keyless needs the custom-subdomain one (`https://<name>.cognitiveservices.azure.com`). Without it, names Google has no localized form of stay as written locally.',
    schema: url,
  },
  {
    name: 'TRANSLATOR_REGION',
    description: 'Azure region of the Translator resource (sent with a key; e.g. `koreacentral`).',
    schema: z.string().regex(/^[a-z0-9]+$/, 'expected an Azure region name such as koreacentral'),
  },
  {
    name: 'TRANSLATOR_KEY',
    description:
      'Translator resource key (with TRANSLATOR_REGION); without it the app identity is used (Cognitive Services User).',
    schema: z.string().min(8),
    secret: true,
    keyVaultName: 'translator-key',
  },
  {
    name: 'TRANSLATOR_TIMEOUT_MS',
    description:
      'Whole-call budget for one Translator call, retries included; past it names stay as written.',
    schema: int(100, 30_000),
    default: '3000',
  },
  {
    name: 'WARMER_SCHEDULE',
    description: 'NCRONTAB schedule of the popular-destination cache warmer.',
    schema: ncrontab,
    default: '0 */20 * * * *',
  },
  {
    name: 'VERIFIER_SCHEDULE',
    description: 'NCRONTAB schedule of the upcoming-trip opening-hours verifier.',
    schema: ncrontab,
    default: '0 0 */6 * * *',
  },
  {
    name: 'WARMERS_RUN_ON_STARTUP',
    description: 'Run the timer functions once at start (never in production).',
    schema: bool,
    default: 'false',
  },
  {
    name: 'WARMER_DESTINATIONS',
    description: 'Destinations to keep warm: `name:lat:lng` entries separated by `;`.',
    schema: destinationList,
    default: 'Seoul:37.5665:126.9780;Busan:35.1796:129.0756;Jeju:33.4996:126.5312',
  },
  {
    name: 'WARMER_CATEGORIES',
    description: 'Categories to keep warm per destination (comma-separated).',
    schema: commaList,
    default: 'attraction,culture,restaurant,cafe',
  },
  {
    name: 'WARMER_UPSTREAM_BUDGET',
    description: 'Most upstream calls one warmer run may spend.',
    schema: int(0, 100_000),
    default: '200',
  },
  {
    name: 'ATTACHMENT_MAX_BYTES',
    description: 'Largest photo attachment accepted.',
    schema: int(1024, 100 * 1024 * 1024),
    default: '10485760',
  },
  {
    name: 'LOG_LEVEL',
    description: 'Minimum log level: `debug`, `info`, `warn` or `error`.',
    schema: z.enum(['debug', 'info', 'warn', 'error']),
    default: 'info',
  },
  // Issue #15: identity between API Management and the app, Entra ID sign-in to Azure Managed Redis.
  {
    name: 'AUTH_TOKEN_HEADER',
    description:
      "Request header that carries the caller's bearer token. In Azure API Management moves it to `x-tripgen-user-authorization`, because `Authorization` then carries the gateway's own identity token for App Service Authentication.",
    schema: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'expected an HTTP header name'),
    default: 'authorization',
  },
  {
    name: 'REDIS_AUTH',
    description:
      "`none`: the URL alone (local Redis). `entra`: sign in with the app's managed identity (user = its object id, password = an Entra ID token, refreshed before expiry), as Azure Managed Redis requires with access keys off.",
    schema: z.enum(['none', 'entra']),
    default: 'none',
  },
  // Issue #16: OpenTelemetry exporters besides Application Insights (read at start-up, before config).
  {
    name: 'TELEMETRY_EXPORTER',
    description:
      'Where spans, metrics and logs go when `APPLICATIONINSIGHTS_CONNECTION_STRING` is not set: `none`, `console` (spans printed as they end, metrics every minute) or `otlp` (to `OTEL_EXPORTER_OTLP_ENDPOINT`).',
    schema: z.enum(['none', 'console', 'otlp']),
    default: 'none',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description:
      'OTLP/HTTP collector base URL for `TELEMETRY_EXPORTER=otlp` (e.g. `http://localhost:4318`); read by the OpenTelemetry exporters.',
    schema: url,
  },
  // Issue #11: cost limits on upstream calls, and the key that signs list cursors.
  {
    name: 'UPSTREAM_CALLS_PER_REQUEST',
    description:
      'Most upstream map/translation calls one HTTP request may make (an MCP batch is one request); cache hits are free. Past it: 429 `upstream_budget_exceeded`.',
    schema: int(1, 10_000),
    default: '100',
  },
  {
    name: 'UPSTREAM_CALLS_PER_USER_MINUTE',
    description:
      'Most upstream calls one user may cause per minute, counted in Redis across instances (per instance without Redis). Past it: 429 with `Retry-After`.',
    schema: int(1, 1_000_000),
    default: '600',
  },
  {
    name: 'MATRIX_ELEMENTS_PER_CALL',
    description: 'Most elements (origins × destinations) one route matrix may ask for.',
    schema: int(1, 625),
    default: '625',
  },
  {
    name: 'MATRIX_ELEMENTS_PER_REQUEST',
    description: 'Most matrix elements one HTTP request may ask for, summed over the calls of an MCP batch.',
    schema: int(1, 1_000_000),
    default: '2500',
  },
  {
    name: 'CURSOR_SIGNING_KEY',
    description:
      'HMAC key (at least 32 characters) that signs list cursors, so a crafted or altered cursor is a 400. Set it (Key Vault) wherever more than one instance runs: without it each process signs with its own random key.',
    schema: z.string().min(32),
    secret: true,
    keyVaultName: 'cursor-signing-key',
  },
] as const satisfies readonly SettingSpec[];

/** The same table, entry by entry, for code that reads any setting's spec (docs, readers, tests). */
export const SETTINGS: readonly SettingSpec[] = SETTING_TABLE;

export const SETTINGS_BY_NAME: ReadonlyMap<string, SettingSpec> = new Map(SETTINGS.map((s) => [s.name, s]));

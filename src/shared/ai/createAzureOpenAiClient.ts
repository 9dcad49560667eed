import { DefaultAzureCredential, getBearerTokenProvider, type TokenCredential } from '@azure/identity';
import { AzureOpenAI } from 'openai';

/** The Entra ID scope of Azure OpenAI (Cognitive Services). */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

export interface AzureOpenAiClientOptions {
  /** `https://<resource>.openai.azure.com/` (or `baseURL` for a full base, e.g. a local stand-in). */
  readonly endpoint?: string;
  readonly baseURL?: string;
  /** Azure OpenAI REST API version, e.g. `2024-10-21`. */
  readonly apiVersion: string;
  readonly deployment: string;
  /** Key auth. When absent, keyless auth with `credential` (default `DefaultAzureCredential`). */
  readonly apiKey?: string;
  readonly credential?: TokenCredential;
  /** SDK-level timeout in ms; the ranker also enforces its own. */
  readonly timeoutMs?: number;
}

/**
 * Build the `AzureOpenAI` client (openai SDK 6). Options as the SDK's constructor reads them:
 * `endpoint` xor `baseURL`, `apiVersion` (required), `deployment`, and exactly one of `apiKey` or
 * `azureADTokenProvider` — here built with `getBearerTokenProvider(credential, scope)`, which
 * caches and refreshes the token. Retries are off: callers hold a hard time budget.
 */
export function createAzureOpenAiClient(options: Readonly<AzureOpenAiClientOptions>): AzureOpenAI {
  const auth = options.apiKey
    ? { apiKey: options.apiKey }
    : {
        azureADTokenProvider: getBearerTokenProvider(
          options.credential ?? new DefaultAzureCredential(),
          AZURE_OPENAI_SCOPE,
        ),
      };
  return new AzureOpenAI({
    ...(options.baseURL ? { baseURL: options.baseURL } : { endpoint: options.endpoint }),
    apiVersion: options.apiVersion,
    deployment: options.deployment,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 10_000,
    ...auth,
  });
}

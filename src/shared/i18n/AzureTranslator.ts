import type { TokenCredential } from '@azure/identity';
import createTextTranslationClient, {
  isUnexpected,
  type TextTranslationClient,
  type TranslatorCredential,
} from '@azure-rest/ai-translation-text';

import { isAppError } from '../errors/AppError.js';
import type { Translator, TransliterationScripts } from './Translator.js';
import { translatorErrorFromResponse, translatorNetworkError } from './translatorErrorFromResponse.js';

type ClientOptions = NonNullable<Parameters<typeof createTextTranslationClient>[2]>;

export interface AzureTranslatorOptions {
  /**
   * The resource endpoint. Keyless (Entra) auth needs the custom-subdomain endpoint
   * (`https://<name>.cognitiveservices.azure.com`); a key also works with the global one.
   */
  endpoint: string;
  /** The app identity (keyless), or a resource key with its region. */
  credential: TokenCredential | TranslatorCredential;
  /** Tests: the HTTP client the SDK pipeline sends with. */
  httpClient?: ClientOptions['httpClient'];
}

/**
 * The Translator port on `@azure-rest/ai-translation-text`. The SDK's own retries are off: the
 * caller's resilience policy retries (honouring Retry-After within its budget) and counts failures.
 */
export class AzureTranslator implements Translator {
  readonly #client: TextTranslationClient;

  constructor(options: Readonly<AzureTranslatorOptions>) {
    this.#client = createTextTranslationClient(options.endpoint, options.credential, {
      retryOptions: { maxRetries: 0 },
      // Loopback sandbox endpoints are plain HTTP; real endpoints are HTTPS and unaffected.
      allowInsecureConnection: options.endpoint.startsWith('http://'),
      ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    });
  }

  async translate(
    texts: readonly string[],
    from: string | undefined,
    to: string,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const response = await this.#send(signal, () =>
      this.#client.path('/translate').post({
        body: {
          inputs: texts.map((text) => ({
            text,
            ...(from ? { language: from } : {}),
            targets: [{ language: to }],
          })),
        },
        abortSignal: signal,
      }),
    );
    if (isUnexpected(response)) throw fromResponse(response);
    return response.body.value.map((item) => item.translations[0]?.text ?? '');
  }

  async transliterate(
    texts: readonly string[],
    scripts: Readonly<TransliterationScripts>,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const response = await this.#send(signal, () =>
      this.#client.path('/transliterate').post({
        body: { inputs: texts.map((text) => ({ text })) },
        queryParameters: { ...scripts },
        abortSignal: signal,
      }),
    );
    if (isUnexpected(response)) throw fromResponse(response);
    return response.body.value.map((item) => item.text);
  }

  async #send<R>(signal: AbortSignal | undefined, call: () => PromiseLike<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      throw isAppError(error) ? error : translatorNetworkError(error, signal);
    }
  }
}

function fromResponse(response: {
  status: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}) {
  const body = response.body as { error?: { message?: string } } | undefined;
  return translatorErrorFromResponse(
    Number(response.status),
    response.headers['retry-after'],
    body?.error?.message,
  );
}

import { header, json, type SandboxRequest, type SandboxResponse } from '../sandboxHttp.js';

/** The Translator API version the sandbox answers (the one `@azure-rest/ai-translation-text` 2.x sends). */
export const TRANSLATOR_API_VERSION = '2026-06-06';

/** Translator's error envelope `{"error":{"code","message"}}`; codes are the status followed by a sub-code. */
export function translatorError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): SandboxResponse {
  return json(status, { error: { code, message } }, { 'x-requestid': `sandbox-${code}`, ...headers });
}

export const translatorOk = (body: unknown) => json(200, body, { 'x-requestid': 'sandbox-ok' });

/**
 * Translator accepts a resource key (`Ocp-Apim-Subscription-Key`, with `Ocp-Apim-Subscription-Region`
 * for a regional resource) or an Entra bearer token. The sandbox checks the key and that a token is
 * present (it cannot verify Entra tokens); 401 like the service otherwise.
 */
export function checkTranslatorAuth(req: SandboxRequest, key: string): SandboxResponse | undefined {
  const given = header(req, 'ocp-apim-subscription-key');
  if (given !== undefined) {
    return given === key
      ? undefined
      : translatorError(
          401,
          '401000',
          'The request is not authorized because credentials are missing or invalid.',
        );
  }
  if (/^Bearer \S+$/.test(header(req, 'authorization') ?? '')) return undefined;
  return translatorError(
    401,
    '401000',
    'The request is not authorized because credentials are missing or invalid.',
  );
}

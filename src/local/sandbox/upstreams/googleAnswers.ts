import { header, json, type SandboxRequest, type SandboxResponse } from '../sandboxHttp.js';

const GOOGLE_JSON = { 'content-type': 'application/json; charset=UTF-8' };

const STATUS_BY_CODE: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Google's error envelope `{"error":{"code","message","status","details"}}`. */
export function googleError(code: number, message: string, details?: unknown[]): SandboxResponse {
  const status = STATUS_BY_CODE[code] ?? (code >= 500 ? 'UNAVAILABLE' : 'FAILED_PRECONDITION');
  return json(code, { error: { code, message, status, ...(details ? { details } : {}) } }, GOOGLE_JSON);
}

export const googleOk = (body: unknown) => json(200, body, GOOGLE_JSON);

export const errorInfo = (reason: string, service: string) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
  metadata: { service },
});

/**
 * `X-Goog-Api-Key` (or `?key=`). Missing → 403 PERMISSION_DENIED; wrong → 400 INVALID_ARGUMENT
 * with reason API_KEY_INVALID, as Google answers.
 */
export function checkGoogleKey(
  req: SandboxRequest,
  key: string,
  service: string,
): SandboxResponse | undefined {
  const sent = header(req, 'x-goog-api-key') ?? req.url.searchParams.get('key') ?? undefined;
  if (sent === key) return undefined;
  if (sent === undefined || sent === '') {
    return googleError(403, 'The request is missing a valid API key.', [
      errorInfo('API_KEY_MISSING', service),
    ]);
  }
  return googleError(400, 'API key not valid. Please pass a valid API key.', [
    errorInfo('API_KEY_INVALID', service),
  ]);
}

import { header, json, type SandboxRequest, type SandboxResponse } from '../sandboxHttp.js';

const KAKAO_JSON = { 'content-type': 'application/json;charset=UTF-8' };

/** Kakao Local's error body: `{"errorType":"MissingParameter","message":"query parameter required"}`. */
export const kakaoLocalError = (
  status: number,
  errorType: string,
  message: string,
  headers: Record<string, string> = {},
) => json(status, { errorType, message }, { ...KAKAO_JSON, ...headers });

/** Kakao Mobility's error body: `{"code":-2,"msg":"…"}`. */
export const kakaoMobilityError = (
  status: number,
  code: number,
  msg: string,
  headers: Record<string, string> = {},
) => json(status, { code, msg }, { ...KAKAO_JSON, ...headers });

export const kakaoOk = (body: unknown) => json(200, body, KAKAO_JSON);

/**
 * `Authorization: KakaoAK {key}`. A missing header or a wrong key is 401, in each API's own error
 * format; unlike real Kakao, the sandbox never echoes the key it was sent.
 */
export function checkKakaoKey(
  req: SandboxRequest,
  key: string,
  api: 'local' | 'mobility',
): SandboxResponse | undefined {
  const auth = header(req, 'authorization');
  if (auth === `KakaoAK ${key}`) return undefined;
  const message = auth?.startsWith('KakaoAK ')
    ? 'wrong appKey format or unknown appKey'
    : 'cannot find Authorization : KakaoAK header';
  return api === 'local'
    ? kakaoLocalError(401, 'AccessDeniedError', message)
    : kakaoMobilityError(401, -401, message);
}

/** Integer query parameter within [min, max], default when absent; `undefined` when invalid. */
export function intParam(
  url: URL,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

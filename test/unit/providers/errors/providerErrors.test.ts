import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AppError } from '../../../../src/shared/errors/AppError.js';
import { googleErrorFromResponse } from '../../../../src/shared/providers/google/googleErrorFromResponse.js';
import { networkErrorToAppError } from '../../../../src/shared/providers/http/networkErrorToAppError.js';
import { parseUpstreamJson } from '../../../../src/shared/providers/http/parseUpstreamJson.js';
import { requireApiKey } from '../../../../src/shared/providers/http/requireApiKey.js';
import type { UpstreamResponse } from '../../../../src/shared/providers/http/sendUpstreamRequest.js';
import { kakaoErrorFromResponse } from '../../../../src/shared/providers/kakao/kakaoErrorFromResponse.js';
import { catchError } from '../catchError.js';

interface Expected {
  code: string;
  transient: boolean;
  provider: string;
  retryAfterSeconds?: number;
}

const response = (status: number, body: unknown, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

const googleError = (code: number, status: string, message: string, details: unknown[] = []) => ({
  error: { code, message, status, details },
});
const errorInfo = (reason: string) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
});
const retryInfo = (retryDelay: string) => ({
  '@type': 'type.googleapis.com/google.rpc.RetryInfo',
  retryDelay,
});

const quota = (provider: string, retryAfterSeconds?: number): Expected => ({
  code: 'upstream_quota_exceeded',
  transient: true,
  provider,
  retryAfterSeconds,
});
const rejected = (provider: string): Expected => ({ code: 'upstream_rejected', transient: false, provider });
const unavailable = (provider: string, retryAfterSeconds?: number): Expected => ({
  code: 'upstream_unavailable',
  transient: true,
  provider,
  retryAfterSeconds,
});
const timeout = (provider: string): Expected => ({ code: 'upstream_timeout', transient: true, provider });

const KAKAO_CASES: Array<[string, UpstreamResponse, Expected]> = [
  [
    '429 RequestThrottled + Retry-After',
    response(
      429,
      { errorType: 'RequestThrottled', message: 'API limit has been exceeded.' },
      { 'retry-after': '30' },
    ),
    quota('kakao', 30),
  ],
  [
    '400 RequestThrottled (daily quota)',
    response(400, { errorType: 'RequestThrottled', message: 'API limit has been exceeded.' }),
    quota('kakao'),
  ],
  ['Mobility quota -10 as 400', response(400, { code: -10, msg: 'quota exceeded' }), quota('kakao')],
  [
    'Mobility quota -10 as 429',
    response(429, { code: -10, msg: 'quota exceeded' }, { 'retry-after': '5' }),
    quota('kakao', 5),
  ],
  [
    '401 AccessDeniedError',
    response(401, { errorType: 'AccessDeniedError', message: 'cannot find appkey' }),
    rejected('kakao'),
  ],
  ['Mobility 401 code -401', response(401, { code: -401, msg: 'invalid app key' }), rejected('kakao')],
  [
    '403 ip mismatch',
    response(403, { errorType: 'AccessDeniedError', message: 'ip mismatched!' }),
    rejected('kakao'),
  ],
  [
    '400 MissingParameter',
    response(400, { errorType: 'MissingParameter', message: 'query parameter required' }),
    rejected('kakao'),
  ],
  ['500 with an HTML body', response(500, '<html>oops</html>'), unavailable('kakao')],
  [
    '503 + Retry-After',
    response(503, { errorType: 'ServiceUnavailable', message: '' }, { 'retry-after': '2' }),
    unavailable('kakao', 2),
  ],
  ['504 gateway timeout', response(504, ''), timeout('kakao')],
];

const GOOGLE_CASES: Array<[string, UpstreamResponse, Expected]> = [
  [
    '429 RESOURCE_EXHAUSTED + RetryInfo "3s"',
    response(
      429,
      googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded', [
        errorInfo('RATE_LIMIT_EXCEEDED'),
        retryInfo('3s'),
      ]),
    ),
    quota('google', 3),
  ],
  [
    '429 with a fractional RetryInfo "1.5s" rounds up',
    response(429, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota', [retryInfo('1.5s')])),
    quota('google', 2),
  ],
  [
    '429 without RetryInfo uses Retry-After',
    response(429, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota'), { 'retry-after': '7' }),
    quota('google', 7),
  ],
  [
    '400 API_KEY_INVALID',
    response(
      400,
      googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        errorInfo('API_KEY_INVALID'),
      ]),
    ),
    rejected('google'),
  ],
  [
    '403 PERMISSION_DENIED referrer blocked',
    response(
      403,
      googleError(403, 'PERMISSION_DENIED', 'blocked', [errorInfo('API_KEY_HTTP_REFERRER_BLOCKED')]),
    ),
    rejected('google'),
  ],
  [
    '400 missing field mask',
    response(400, googleError(400, 'INVALID_ARGUMENT', 'FieldMask is a required parameter.')),
    rejected('google'),
  ],
  [
    '404 NOT_FOUND',
    response(404, googleError(404, 'NOT_FOUND', 'Requested entity was not found.')),
    { code: 'not_found', transient: false, provider: 'google' },
  ],
  [
    '400 "Not a valid Place ID"',
    response(400, googleError(400, 'INVALID_ARGUMENT', 'Not a valid Place ID: xyz')),
    { code: 'not_found', transient: false, provider: 'google' },
  ],
  [
    '503 UNAVAILABLE',
    response(503, googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.')),
    unavailable('google'),
  ],
  ['500 with a non-JSON body', response(500, 'Internal Server Error'), unavailable('google')],
  [
    '504 DEADLINE_EXCEEDED',
    response(504, googleError(504, 'DEADLINE_EXCEEDED', 'Deadline exceeded')),
    timeout('google'),
  ],
];

const pick = (error: AppError) => ({
  code: error.code,
  transient: error.transient,
  provider: error.provider,
  retryAfterSeconds: error.retryAfterSeconds,
});

describe('kakaoErrorFromResponse', () => {
  it.each(KAKAO_CASES)('%s', (_name, upstream, expected) => {
    expect(pick(kakaoErrorFromResponse(upstream, 'keyword search'))).toStrictEqual({
      retryAfterSeconds: undefined,
      ...expected,
    });
  });

  it('never repeats the upstream message, which may echo the key', () => {
    const error = kakaoErrorFromResponse(
      response(401, { errorType: 'AccessDeniedError', message: 'wrong appKey(secret-key-123) format' }),
      'keyword search',
    );
    expect(`${error.message} ${error.detail}`).not.toContain('secret-key-123');
    expect(error.detail).toBe('kakao AccessDeniedError');
  });
});

describe('googleErrorFromResponse', () => {
  it.each(GOOGLE_CASES)('%s', (_name, upstream, expected) => {
    expect(pick(googleErrorFromResponse(upstream, 'searchText'))).toStrictEqual({
      retryAfterSeconds: undefined,
      ...expected,
    });
  });
});

describe('networkErrorToAppError', () => {
  const cases: Array<[string, unknown, boolean, Expected]> = [
    ['our own timer fired', new DOMException('timed out', 'TimeoutError'), true, timeout('kakao')],
    [
      'undici headers timeout',
      Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      false,
      timeout('kakao'),
    ],
    [
      'socket closed by the other side',
      Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      false,
      unavailable('kakao'),
    ],
    [
      'connection refused',
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
      false,
      unavailable('kakao'),
    ],
    [
      'connection reset',
      Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      false,
      unavailable('kakao'),
    ],
  ];
  it.each(cases)('%s', (_name, cause, timedOut, expected) => {
    const error = networkErrorToAppError(cause, { provider: 'kakao', timedOut, timeoutMs: 500 });
    expect(pick(error)).toStrictEqual({ retryAfterSeconds: undefined, ...expected });
    expect(error.cause).toBe(cause);
  });
});

describe('parseUpstreamJson', () => {
  const schema = z.object({ documents: z.array(z.object({ id: z.string() })) });
  const context = { provider: 'kakao', operation: 'keyword search' } as const;

  it('calls malformed JSON a transient bad response', () => {
    const error = catchError(() => parseUpstreamJson(schema, '{"documents":[{', context));
    expect(error).toMatchObject({
      code: 'upstream_bad_response',
      transient: true,
      provider: 'kakao',
      detail: 'malformed JSON',
    });
  });

  it('names the path of a wrong shape', () => {
    const error = catchError(() => parseUpstreamJson(schema, '{"documents":[{"id":7}]}', context));
    expect(error).toMatchObject({
      code: 'upstream_bad_response',
      provider: 'kakao',
      detail: 'unexpected response shape at documents.0.id',
    });
  });
});

describe('requireApiKey', () => {
  it('treats a missing key as a permanent rejection by that provider', () => {
    expect(catchError(() => requireApiKey(() => undefined, 'google'))).toMatchObject({
      code: 'upstream_rejected',
      transient: false,
      provider: 'google',
    });
    expect(requireApiKey(() => 'k1', 'google')).toBe('k1');
  });
});

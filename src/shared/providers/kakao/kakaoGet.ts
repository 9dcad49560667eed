import type { z } from 'zod';

import { joinUrl } from '../http/joinUrl.js';
import { parseUpstreamJson } from '../http/parseUpstreamJson.js';
import {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  type ProviderCallOptions,
  type ProviderClientOptions,
} from '../http/ProviderClientOptions.js';
import { requireApiKey } from '../http/requireApiKey.js';
import { sendUpstreamRequest } from '../http/sendUpstreamRequest.js';
import { defaultUpstreamDispatchers } from '../http/upstreamDispatchers.js';
import { kakaoErrorFromResponse } from './kakaoErrorFromResponse.js';

/**
 * GET a Kakao (Local or Mobility) endpoint with `Authorization: KakaoAK {key}` and return the body
 * checked against `schema`. Non-200 answers become AppErrors via {@link kakaoErrorFromResponse}.
 */
export async function kakaoGet<S extends z.ZodType>(
  options: Readonly<ProviderClientOptions>,
  request: Readonly<{
    path: string;
    query: Record<string, string | undefined>;
    schema: S;
    operation: string;
  }>,
  call: Readonly<ProviderCallOptions> = {},
): Promise<z.output<S>> {
  const key = requireApiKey(options.apiKey, 'kakao');
  const response = await sendUpstreamRequest(
    {
      url: joinUrl(options.baseUrl, request.path, request.query),
      method: 'GET',
      headers: { authorization: `KakaoAK ${key}`, accept: 'application/json' },
    },
    {
      dispatcher: options.dispatcher ?? defaultUpstreamDispatchers().forBaseUrl(options.baseUrl),
      timeoutMs: call.timeoutMs ?? options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
      provider: 'kakao',
      signal: call.signal,
    },
  );
  if (response.status !== 200) throw kakaoErrorFromResponse(response, request.operation);
  return parseUpstreamJson(request.schema, response.text, {
    provider: 'kakao',
    operation: request.operation,
  });
}

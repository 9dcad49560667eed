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
import { googleErrorFromResponse } from './googleErrorFromResponse.js';

export interface GoogleRequest<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  /** Serialized as JSON for POST. */
  body?: unknown;
  /** Required by Places (New) and Routes; without it Google answers 400. */
  fieldMask: string;
  schema: S;
  operation: string;
}

/**
 * Call a Google Maps Platform REST method with `X-Goog-Api-Key` and `X-Goog-FieldMask` and return
 * the body checked against `schema`. Non-200 answers become AppErrors via {@link googleErrorFromResponse}.
 */
export async function googleSend<S extends z.ZodType>(
  options: Readonly<ProviderClientOptions>,
  request: Readonly<GoogleRequest<S>>,
  call: Readonly<ProviderCallOptions> = {},
): Promise<z.output<S>> {
  const key = requireApiKey(options.apiKey, 'google');
  const headers: Record<string, string> = {
    'x-goog-api-key': key,
    'x-goog-fieldmask': request.fieldMask,
    accept: 'application/json',
  };
  if (request.method === 'POST') headers['content-type'] = 'application/json';
  const response = await sendUpstreamRequest(
    {
      url: joinUrl(options.baseUrl, request.path, request.query),
      method: request.method,
      headers,
      body: request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined,
    },
    {
      dispatcher: options.dispatcher ?? defaultUpstreamDispatchers().forBaseUrl(options.baseUrl),
      timeoutMs: call.timeoutMs ?? options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
      provider: 'google',
      signal: call.signal,
    },
  );
  if (response.status !== 200) throw googleErrorFromResponse(response, request.operation);
  return parseUpstreamJson(request.schema, response.text, {
    provider: 'google',
    operation: request.operation,
  });
}

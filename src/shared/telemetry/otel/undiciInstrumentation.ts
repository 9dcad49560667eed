import { type Attributes, createNoopMeter, type MeterProvider } from '@opentelemetry/api';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';

import { ATTR } from '../telemetryNames.js';
import { currentUpstreamCall } from '../upstreamCall.js';

/**
 * Attributes for one outgoing HTTP span (undici `request` and `fetch`, both published on undici's
 * diagnostics channels). The query string is dropped from `url.full`: place searches carry what a user
 * typed there. Keys travel in headers, which the instrumentation does not record.
 */
export function httpSpanAttributes(request: Pick<UndiciRequest, 'origin' | 'path'>): Attributes {
  // undici hands over `origin` (scheme, host, port) and `path` (path and query) apart; the
  // instrumentation has parsed them into a URL already, so only the query is cut off here.
  const query = request.path.indexOf('?');
  const attributes: Attributes = {
    'url.full': request.origin + (query === -1 ? request.path : request.path.slice(0, query)),
    'url.query': query === -1 || query === request.path.length - 1 ? '' : '[redacted]',
  };
  const call = currentUpstreamCall();
  if (call) {
    attributes[ATTR.provider] = call.provider;
    attributes[ATTR.operation] = call.operation;
    attributes[ATTR.peerService] = call.provider;
  }
  return attributes;
}

/**
 * Outgoing HTTP as dependency spans: Azure OpenAI, anything else on undici. Not the tries of a provider
 * call that reports them on its own span (`recordsHttp`, every Kakao and Google call): one dependency
 * per upstream operation, and no `traceparent` sent to Kakao or Google, which join no trace of ours.
 */
export function undiciInstrumentation(): UndiciInstrumentation {
  return new UndiciInstrumentation({
    startSpanHook: httpSpanAttributes,
    ignoreRequestHook: () => currentUpstreamCall()?.recordsHttp === true,
  });
}

/**
 * The meters the undici instrumentation gets: none. Its one metric, `http.client.request.duration`,
 * would repeat per try what `external_api_latency` records per upstream operation (by provider and
 * endpoint, which the HTTP metric does not know), and Application Insights derives dependency
 * durations from the spans. Recording it cost every upstream call an attribute hash and a histogram
 * update.
 */
export const NO_METERS: MeterProvider = { getMeter: () => createNoopMeter() };

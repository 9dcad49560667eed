import type { Attributes } from '@opentelemetry/api';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';

import { ATTR } from '../telemetryNames.js';
import { currentUpstreamCall } from '../upstreamCall.js';

/**
 * Attributes for one outgoing HTTP span (undici `request` and `fetch`, both published on undici's
 * diagnostics channels). The query string is dropped from `url.full`: place searches carry what a user
 * typed there. Keys travel in headers, which the instrumentation does not record.
 */
export function httpSpanAttributes(request: Pick<UndiciRequest, 'origin' | 'path'>): Attributes {
  const url = new URL(request.path, request.origin);
  const attributes: Attributes = {
    'url.full': `${url.origin}${url.pathname}`,
    'url.query': url.search ? '[redacted]' : '',
  };
  const call = currentUpstreamCall();
  if (call) {
    attributes[ATTR.provider] = call.provider;
    attributes[ATTR.operation] = call.operation;
    attributes[ATTR.peerService] = call.provider;
  }
  return attributes;
}

/** Outgoing HTTP as dependency spans: every provider try, Azure OpenAI, anything else on undici. */
export function undiciInstrumentation(): UndiciInstrumentation {
  return new UndiciInstrumentation({ startSpanHook: httpSpanAttributes });
}

import type { SandboxResponse } from '../sandboxHttp.js';
import type { Upstream } from '../Upstream.js';
import { errorInfo, googleError, googleOk } from '../upstreams/googleAnswers.js';
import { kakaoLocalError, kakaoMobilityError, kakaoOk } from '../upstreams/kakaoAnswers.js';
import { noRoute } from '../upstreams/kakaoMobilityRoutes.js';
import { translatorError, translatorOk } from '../upstreams/translatorAnswers.js';
import type { TerminalFault } from './faultRule.js';

/** What the connection does instead of answering. */
export type ConnectionFault = 'hang' | 'reset';

const GOOGLE_SERVICE: Readonly<Record<Upstream, string>> = {
  'kakao-local': '',
  'kakao-mobility': '',
  'google-places': 'places.googleapis.com',
  'google-routes': 'routes.googleapis.com',
  translator: '',
};

/** Valid JSON in the wrong shape for each upstream: a client that validates must reject it. */
const WRONG_SHAPES: Readonly<Record<Upstream, unknown>> = {
  'kakao-local': { meta: { total_count: 'many' }, documents: 'none' },
  'kakao-mobility': { routes: 'none' },
  'google-places': { places: [{ displayName: 42 }], id: 42 },
  'google-routes': { routes: [{ duration: 1485 }] },
  translator: { value: [{ translations: 'none' }] },
};

/** The provider's "failed, but HTTP 200" answer for an upstream and path. */
function errorIn200(upstream: Upstream, path: string, resultCode: number | undefined): SandboxResponse {
  switch (upstream) {
    case 'kakao-mobility':
      return noRoute(resultCode ?? 104);
    case 'kakao-local':
      return kakaoOk({ meta: { total_count: 0, pageable_count: 0, is_end: true }, documents: [] });
    case 'google-routes':
      return googleOk(path.startsWith('/distanceMatrix') ? [] : {});
    case 'google-places':
      return googleOk({});
    case 'translator':
      return translatorOk({ value: [] });
  }
}

/**
 * The answer a fault gives, in the format of the provider it imitates: Kakao Local
 * `{errorType,message}`, Kakao Mobility `{code,msg}`, Google `{error:{code,status,details}}`.
 */
export function faultResponse(
  fault: TerminalFault,
  upstream: Upstream,
  path: string,
): SandboxResponse | ConnectionFault {
  const kakaoLocal = upstream === 'kakao-local';
  const kakaoMobility = upstream === 'kakao-mobility';
  switch (fault.kind) {
    case 'timeout':
      return 'hang';
    case 'reset':
      return 'reset';
    case 'malformed_json':
      return {
        status: 200,
        body: '{"documents":[{"id":"1","place_name":',
        headers: { 'content-type': 'application/json' },
      };
    case 'wrong_shape':
      return { status: 200, body: WRONG_SHAPES[upstream] };
    case 'error_in_200':
      return errorIn200(upstream, path, fault.resultCode);
    case 'http_error':
      if (upstream === 'translator')
        return translatorError(fault.status, `${fault.status}000`, 'The service is temporarily unavailable.');
      if (kakaoLocal)
        return kakaoLocalError(fault.status, 'ServiceUnavailable', 'service temporarily unavailable');
      if (kakaoMobility) return kakaoMobilityError(fault.status, -1, 'internal error');
      return googleError(fault.status, 'The service is currently unavailable.');
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds;
      const retryAfter: Record<string, string> =
        seconds === undefined ? {} : { 'retry-after': String(seconds) };
      if (kakaoLocal)
        return kakaoLocalError(fault.status, 'RequestThrottled', 'API limit has been exceeded.', retryAfter);
      if (kakaoMobility)
        return kakaoMobilityError(fault.status, -10, 'API limit has been exceeded.', retryAfter);
      if (upstream === 'translator')
        return translatorError(
          429,
          '429001',
          'The server rejected the request because too many requests.',
          retryAfter,
        );
      const details: unknown[] = [errorInfo('RATE_LIMIT_EXCEEDED', GOOGLE_SERVICE[upstream])];
      if (seconds !== undefined)
        details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` });
      return googleError(429, 'Quota exceeded for quota metric requests per minute.', details);
    }
  }
}

import type { RunningSandbox } from '../../src/local/sandbox/startSandbox.js';

/**
 * The settings that point the app at a running sandbox upstream: its keys, the four provider base
 * URLs and the Translator endpoint, and `SANDBOX_UPSTREAM` (itineraries then say they are built from sample data). The one copy of
 * this block for tests and benchmarks; `npm start` sets the same in `useSandboxUpstream`.
 */
export function sandboxEnv(
  sandbox: Pick<RunningSandbox, 'url' | 'kakaoKey' | 'googleKey' | 'translatorKey'>,
): Record<string, string> {
  return {
    KAKAO_REST_API_KEY: sandbox.kakaoKey,
    GOOGLE_MAPS_API_KEY: sandbox.googleKey,
    KAKAO_LOCAL_BASE_URL: sandbox.url,
    KAKAO_MOBILITY_BASE_URL: sandbox.url,
    GOOGLE_PLACES_BASE_URL: sandbox.url,
    GOOGLE_ROUTES_BASE_URL: sandbox.url,
    TRANSLATOR_ENDPOINT: sandbox.url,
    TRANSLATOR_KEY: sandbox.translatorKey,
    TRANSLATOR_REGION: 'sandbox',
    SANDBOX_UPSTREAM: 'true',
  };
}

import type { BeforeLoadHook } from './host/createLocalHost.js';
import { startSandbox } from './sandbox/startSandbox.js';

const BASE_URL_SETTINGS = [
  'KAKAO_LOCAL_BASE_URL',
  'KAKAO_MOBILITY_BASE_URL',
  'GOOGLE_PLACES_BASE_URL',
  'GOOGLE_ROUTES_BASE_URL',
] as const;

/**
 * `npm start` without provider keys: start the sandbox upstream on loopback and point the app's four
 * provider base URLs and keys at it, before any function file reads its settings. With a key (or a
 * Key Vault to read keys from), the real providers are used and nothing is started.
 */
export const useSandboxUpstream: BeforeLoadHook = async ({ logger, onStop }) => {
  const env = process.env;
  if (env.KAKAO_REST_API_KEY || env.GOOGLE_MAPS_API_KEY || env.KEY_VAULT_URI) {
    logger.info('Provider keys configured: using the real Kakao and Google APIs.');
    return;
  }
  const sandbox = await startSandbox({ port: Number(env.SANDBOX_PORT ?? 0) });
  for (const name of BASE_URL_SETTINGS) env[name] = sandbox.url;
  env.KAKAO_REST_API_KEY = sandbox.kakaoKey;
  env.GOOGLE_MAPS_API_KEY = sandbox.googleKey;
  env.TRANSLATOR_ENDPOINT = sandbox.url;
  env.TRANSLATOR_KEY = sandbox.translatorKey;
  env.TRANSLATOR_REGION = 'sandbox';
  env.SANDBOX_UPSTREAM = 'true';
  onStop(() => sandbox.close());
  logger.info(
    `No provider keys configured: serving Kakao and Google from the SANDBOX upstream at ${sandbox.url} ` +
      '(bundled SAMPLE DATA of real places with approximate facts; Translator from a small glossary; fault injection at /__sandbox/faults).',
  );
};

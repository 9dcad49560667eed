import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { isAppError } from '../../../src/shared/errors/AppError.js';
import { AzureTranslator } from '../../../src/shared/i18n/AzureTranslator.js';

let sandbox: RunningSandbox;
let translator: AzureTranslator;

beforeAll(async () => {
  sandbox = await startSandbox();
  translator = new AzureTranslator({
    endpoint: sandbox.url,
    credential: { key: sandbox.translatorKey, region: 'koreacentral' },
  });
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.stats.reset();
});
afterAll(async () => sandbox.close());

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('AzureTranslator (@azure-rest/ai-translation-text) against the sandbox Translator', () => {
  it('translates a batch in one call, in order, from the glossary and romanizing unknown names', async () => {
    const texts = ['경복궁', '서울 종로구 사직로 161', '광화문국밥'];

    const english = await translator.translate(texts, 'ko', 'en');
    const japanese = await translator.translate(['서울', '박물관'], 'ko', 'ja');

    expect(english).toStrictEqual([
      'Gyeongbok Palace',
      'Seoul Jongnogu Sajingno 161',
      'Gwanghwamun Gukbap (rice soup)',
    ]);
    expect(japanese).toStrictEqual(['ソウル', '博物館']);
    expect(sandbox.stats.byPath()['/translate']).toBe(2);
  });

  it('transliterates Hangul and Kana to Latin', async () => {
    const korean = await translator.transliterate(['덕수궁', '북촌 한옥마을'], {
      language: 'ko',
      fromScript: 'Kore',
      toScript: 'Latn',
    });
    const japanese = await translator.transliterate(['しんじゅく'], {
      language: 'ja',
      fromScript: 'Jpan',
      toScript: 'Latn',
    });

    expect(korean).toStrictEqual(['Deoksugung', 'Bukchon Hanongmaeul']);
    expect(japanese).toStrictEqual(['Shinjuku']);
  });

  it('maps 5xx and 429 + Retry-After to transient errors, and a wrong key to a rejection', async () => {
    sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'translator', times: 1 });
    const unavailable = await failure(translator.translate(['궁'], 'ko', 'en'));
    sandbox.faults.add({ kind: 'rate_limit', retryAfterSeconds: 7, upstream: 'translator', times: 1 });
    const throttled = await failure(translator.translate(['궁'], 'ko', 'en'));
    const wrongKey = new AzureTranslator({ endpoint: sandbox.url, credential: { key: 'nope', region: 'x' } });
    const rejected = await failure(wrongKey.translate(['궁'], 'ko', 'en'));

    expect(isAppError(unavailable) && [unavailable.code, unavailable.transient]).toStrictEqual([
      'upstream_unavailable',
      true,
    ]);
    expect(isAppError(throttled) && [throttled.code, throttled.retryAfterSeconds]).toStrictEqual([
      'upstream_unavailable',
      7,
    ]);
    expect(isAppError(rejected) && [rejected.code, rejected.transient]).toStrictEqual([
      'upstream_rejected',
      false,
    ]);
  });

  it('turns a hung call into a timeout when the signal aborts', async () => {
    sandbox.faults.add({ kind: 'timeout', upstream: 'translator', times: 1 });
    const error = await failure(translator.translate(['궁'], 'ko', 'en', AbortSignal.timeout(150)));

    expect(isAppError(error) && error.code).toBe('upstream_timeout');
  });

  it('keyless: sends the app identity token for Cognitive Services to the custom-subdomain endpoint', async () => {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      async getToken(scope): Promise<AccessToken> {
        scopes.push(...[scope].flat());
        return { token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    // The SDK refuses bearer tokens over plain HTTP, so the custom-subdomain HTTPS URL it builds is
    // delivered to the loopback sandbox by a forwarding HTTP client; the SDK pipeline is otherwise real.
    const sent: string[] = [];
    const inner = createDefaultHttpClient();
    const forwarding: HttpClient = {
      async sendRequest(request) {
        sent.push(request.url);
        request.url = request.url.replace(/^https:\/\/[^/]+\/translator\/text\/v3\.0/, sandbox.url);
        request.allowInsecureConnection = true;
        return inner.sendRequest(request);
      },
    };
    const keyless = new AzureTranslator({
      endpoint: 'https://tripgen-translator.cognitiveservices.azure.com',
      credential,
      httpClient: forwarding,
    });

    const [text] = await keyless.translate(['공원'], 'ko', 'en');

    expect(text).toBe('Park');
    expect(scopes).toStrictEqual(['https://cognitiveservices.azure.com/.default']);
    expect(sent[0]).toMatch(
      /^https:\/\/tripgen-translator\.cognitiveservices\.azure\.com\/translator\/text\/v3\.0\/translate\?api-version=2026-06-06$/,
    );
  });
});

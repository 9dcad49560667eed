import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import { CachedTranslator } from '../../../src/shared/i18n/CachedTranslator.js';
import { batchesOf } from '../../../src/shared/i18n/Translator.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { FakeTranslator, translatorDown } from '../../fixtures/i18n/FakeTranslator.js';

function setup() {
  const metrics = new Metrics();
  const fake = new FakeTranslator();
  const cache = new TieredCache({ l1MaxEntries: 10_000, l1TtlMs: 300_000, metrics });
  const policy = new ProviderPolicy({
    name: 'translator',
    provider: 'translator',
    budgetMs: 1000,
    maxRetries: 0,
  });
  return {
    fake,
    metrics,
    translator: new CachedTranslator({ translator: fake, cache, metrics, policy, batchWindowMs: 0 }),
  };
}

describe('batchesOf', () => {
  it('cuts at 1,000 texts and at 50,000 characters, keeping order', () => {
    const many = Array.from({ length: 2500 }, (_, i) => `t${i}`);
    const long = ['a'.repeat(30_000), 'b'.repeat(30_000), 'c'];

    expect(batchesOf(many).map((b) => b.length)).toStrictEqual([1000, 1000, 500]);
    expect(batchesOf(many).flat()).toStrictEqual(many);
    expect(batchesOf(long).map((b) => b.length)).toStrictEqual([1, 2]);
  });
});

describe('CachedTranslator', () => {
  it('sends 1,500 distinct misses in two calls of at most 1,000, and nothing the second time', async () => {
    const { fake, translator, metrics } = setup();
    const texts = Array.from({ length: 1500 }, (_, i) => `장소 ${i}`);

    const first = await translator.translate(texts, 'ko', 'en');
    const second = await translator.translate(texts, 'ko', 'en');

    expect(fake.calls.map((c) => c.texts.length)).toStrictEqual([1000, 500]);
    expect(first.texts[1499]).toBe('tr-en(7)');
    expect(second).toStrictEqual(first);
    expect(metrics.count('upstream.calls.translator')).toBe(2);
  });

  it('keeps directions apart: the same text into two languages is two entries', async () => {
    const { fake, translator } = setup();

    await translator.translate(['공원'], 'ko', 'en');
    await translator.translate(['공원'], 'ko', 'ja');
    await translator.transliterate(['공원'], { language: 'ko', fromScript: 'Kore', toScript: 'Latn' });

    expect(fake.calls.map((c) => [c.op, c.to])).toStrictEqual([
      ['translate', 'en'],
      ['translate', 'ja'],
      ['transliterate', 'Latn'],
    ]);
  });

  it('reports a failure per text instead of throwing', async () => {
    const { fake, translator } = setup();
    fake.failWith = translatorDown();

    const outcome = await translator.translate(['공원', ''], 'ko', 'en');

    expect(outcome).toStrictEqual({ texts: [undefined, ''], failed: true });
  });
});

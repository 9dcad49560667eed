import DataLoader from 'dataloader';

import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import type { ProviderPolicy } from '../resilience/ProviderPolicy.js';
import type { Metrics } from '../telemetry/Metrics.js';
import { batchesOf, type Translator, type TransliterationScripts } from './Translator.js';

/** One direction of work: the texts of a batch all go the same way. */
type Direction =
  { kind: 'translate'; from?: string; to: string } | ({ kind: 'transliterate' } & TransliterationScripts);

/** Per text: the result, or `undefined` when the Translator could not be reached (callers keep the original). */
export interface TranslationOutcome {
  texts: (string | undefined)[];
  failed: boolean;
}

export interface CachedTranslatorOptions {
  translator: Translator;
  cache: TieredCache;
  /** Timeout, retries honouring Retry-After, and a breaker around each Translator call. */
  policy: ProviderPolicy;
  metrics: Metrics;
  /**
   * How long texts asked for at about the same time are gathered into one call. A few milliseconds
   * let the L2 (Redis) look-ups of one itinerary's names finish, so the misses go out together.
   */
  batchWindowMs?: number;
}

/**
 * Translator behind the two-tier cache: each (text, direction) is cached for 24 h (L1 + Redis,
 * stale-on-error), concurrent requests for the same text share one load (the cache's single-flight),
 * and misses are gathered with DataLoader into calls of at most 1,000 texts / 50,000 characters.
 * Counted: `translation.texts` (asked), `translation.loaded` (missed the cache), `upstream.calls.translator`.
 */
export class CachedTranslator {
  readonly #o: Required<CachedTranslatorOptions>;
  readonly #loaders = new Map<string, DataLoader<string, string>>();

  constructor(options: Readonly<CachedTranslatorOptions>) {
    this.#o = { batchWindowMs: 5, ...options };
  }

  /** Translate texts from `from` (auto-detected when absent) into `to`. */
  translate(texts: readonly string[], from: string | undefined, to: string) {
    return this.#run({ kind: 'translate', ...(from ? { from } : {}), to }, texts);
  }

  /** Transliterate texts (e.g. ko Kore → Latn). */
  transliterate(texts: readonly string[], scripts: Readonly<TransliterationScripts>) {
    return this.#run({ kind: 'transliterate', ...scripts }, texts);
  }

  async #run(direction: Direction, texts: readonly string[]): Promise<TranslationOutcome> {
    const { cache, metrics } = this.#o;
    const loader = this.#loaderFor(direction);
    const id = directionId(direction);
    metrics.increment('translation.texts', texts.length);
    const settled = await Promise.allSettled(
      texts.map(async (text) => {
        if (text.trim() === '') return text;
        const result = await cache.getOrLoad<string>(
          cacheKey('i18n', 'translation', `${id}-${queryHash({ text })}`),
          { ttlMs: CACHE_TTL_SECONDS.translation * 1000 },
          () => loader.load(text),
        );
        return result.value;
      }),
    );
    const out = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    return { texts: out, failed: settled.some((s) => s.status === 'rejected') };
  }

  // A batch serves several requests at once, so no single caller's signal may cancel it: the policy's
  // whole-call timeout bounds it instead.
  #loaderFor(direction: Direction): DataLoader<string, string> {
    const id = directionId(direction);
    let loader = this.#loaders.get(id);
    if (!loader) {
      // The loader only batches; caching and single-flight are the TieredCache's.
      loader = new DataLoader((keys) => this.#callUpstream(direction, keys), {
        cache: false,
        batchScheduleFn: (run) => setTimeout(run, this.#o.batchWindowMs),
      });
      this.#loaders.set(id, loader);
    }
    return loader;
  }

  async #callUpstream(direction: Direction, texts: readonly string[]): Promise<string[]> {
    const { translator, policy, metrics } = this.#o;
    metrics.increment('translation.loaded', texts.length);
    const results: string[] = [];
    for (const batch of batchesOf(texts)) {
      metrics.increment('upstream.calls.translator');
      const translated = await policy.execute((inner) =>
        direction.kind === 'translate'
          ? translator.translate(batch, direction.from, direction.to, inner)
          : translator.transliterate(batch, direction, inner),
      );
      results.push(...translated);
    }
    return results;
  }
}

function directionId(direction: Direction): string {
  return direction.kind === 'translate'
    ? `tr-${direction.from ?? 'auto'}-${direction.to}`
    : `tl-${direction.language}-${direction.fromScript}-${direction.toScript}`;
}

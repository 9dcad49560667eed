/**
 * Azure Translator as the app uses it: translate texts between languages, and transliterate names
 * into another script. Implementations keep the order of `texts` and throw an `AppError` with
 * `provider: 'translator'` on failure (transient for 5xx, 429, timeouts and resets).
 */
export interface Translator {
  /** Translate each text from `from` (auto-detected when absent) into `to`. */
  translate(
    texts: readonly string[],
    from: string | undefined,
    to: string,
    signal?: AbortSignal,
  ): Promise<string[]>;
  /** Write each text of `language` in `toScript` instead of `fromScript` (e.g. ko, Kore → Latn). */
  transliterate(
    texts: readonly string[],
    script: Readonly<TransliterationScripts>,
    signal?: AbortSignal,
  ): Promise<string[]>;
}

export interface TransliterationScripts {
  language: string;
  fromScript: string;
  toScript: string;
}

/**
 * Per-call limits of the Text Translation API: at most 1,000 texts and 50,000 characters in one
 * request. Batches are cut to fit both.
 */
export const TRANSLATOR_LIMITS = { maxTexts: 1000, maxCharacters: 50_000 } as const;

/** Cut `texts` into batches that fit the per-call limits, keeping order. */
export function batchesOf(texts: readonly string[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let characters = 0;
  for (const text of texts) {
    const length = [...text].length;
    if (
      current.length > 0 &&
      (current.length >= TRANSLATOR_LIMITS.maxTexts || characters + length > TRANSLATOR_LIMITS.maxCharacters)
    ) {
      batches.push(current);
      current = [];
      characters = 0;
    }
    current.push(text);
    characters += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

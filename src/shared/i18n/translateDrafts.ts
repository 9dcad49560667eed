import type { Place } from '../domain/place.js';
import type { CachedTranslator, TranslationOutcome } from './CachedTranslator.js';
import { writesLatin } from './languages.js';
import { readableIn, transliterationSourceOf } from './scripts.js';

/** A place's name and address on the way to the reader's language. */
export interface NameDraft {
  name: string;
  address: string;
  /** Set once `name` is in the reader's language; absent = still the original. */
  nameSource?: NonNullable<Place['nameSource']>;
  /** The address is still unreadable in the reader's language. */
  addressPending?: boolean;
  originalLanguage?: string;
}

/**
 * Fill what provider data could not with Translator, in as few calls as the cache leaves: names by
 * transliteration into Latin for Latin-script readers, by translation otherwise (falling back to
 * Latin when the translation is still unreadable); addresses by translation. Mutates the drafts;
 * `failed` says the Translator could not be reached for some of them (their originals stay).
 */
export async function translateDrafts(
  translator: CachedTranslator | undefined,
  drafts: NameDraft[],
  language: string,
): Promise<{ failed: boolean }> {
  const names = drafts.filter((d) => !d.nameSource && !readableIn(d.name, language));
  const addresses = drafts.filter((d) => d.addressPending);
  if (names.length + addresses.length === 0) return { failed: false };
  if (!translator) return { failed: true };
  let failed = false;
  const note = (outcome: TranslationOutcome) => {
    failed ||= outcome.failed;
    return outcome.texts;
  };

  const latin = writesLatin(language);
  const toTranslate = latin ? [] : names;
  await Promise.all([
    ...groupBy(toTranslate, (d) => d.originalLanguage ?? '').map(async ([from, group]) => {
      const texts = note(
        await translator.translate(
          group.map((d) => d.name),
          from || undefined,
          language,
        ),
      );
      group.forEach((d, i) => {
        const text = texts[i];
        if (text && readableIn(text, language)) Object.assign(d, { name: text, nameSource: 'translated' });
      });
    }),
    ...groupBy(addresses, (d) => d.originalLanguage ?? '').map(async ([from, group]) => {
      const texts = note(
        await translator.translate(
          group.map((d) => d.address),
          from || undefined,
          language,
        ),
      );
      group.forEach((d, i) => {
        const text = texts[i];
        if (text && readableIn(text, language)) Object.assign(d, { address: text, addressPending: false });
      });
    }),
  ]);

  // Latin-script readers, and names translation could not make readable: transliterate to Latin.
  const toTransliterate = names.filter((d) => !d.nameSource);
  const bySource = groupBy(toTransliterate, (d) => {
    const source = transliterationSourceOf(d.name, d.originalLanguage);
    return source ? `${source.language}|${source.fromScript}` : '';
  });
  await Promise.all(
    bySource
      .filter(([key]) => key !== '')
      .map(async ([key, group]) => {
        const [sourceLanguage, fromScript] = key.split('|') as [string, string];
        const texts = note(
          await translator.transliterate(
            group.map((d) => d.name),
            { language: sourceLanguage, fromScript, toScript: 'Latn' },
          ),
        );
        group.forEach((d, i) => {
          const text = texts[i];
          if (text && readableIn(text, language))
            Object.assign(d, { name: text, nameSource: 'transliterated' });
        });
      }),
  );
  return { failed };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups];
}

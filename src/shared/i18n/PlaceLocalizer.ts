import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import type { Place } from '../domain/place.js';
import type { Logger } from '../telemetry/Logger.js';
import type { CachedTranslator } from './CachedTranslator.js';
import { wordsFor } from './localizedWords.js';
import { originalLanguageOf } from './originalLanguage.js';
import type { PlaceLocalizationSources } from './PlaceLocalizationSources.js';
import { readableIn } from './scripts.js';
import { type NameDraft, translateDrafts } from './translateDrafts.js';
import { weekdayDescriptions } from './weekdayDescriptions.js';

/** Something the reader should know about the localization (shown beside the places). */
export interface LocalizationWarning {
  code: 'translation_unavailable';
  message: string;
}

export interface Localized<T> {
  value: T;
  warnings: LocalizationWarning[];
}

export interface PlaceLocalizerOptions {
  sources: PlaceLocalizationSources;
  cache: TieredCache;
  /** Absent when no Translator is configured: names Google has no localized form of stay as written. */
  translator?: CachedTranslator;
  logger?: Logger;
}

/** What provider data gave for one place in one language; cached 24 h, a minute when Google failed. */
interface ProviderDraft extends NameDraft {
  original?: { name: string; address: string; language: string };
  complete: boolean;
}

/**
 * Names and addresses in the reader's language, applied at the output boundary (search, details,
 * itineraries, MCP). Sources in order: the text as the provider gave it when a reader of the language
 * can read it; Google's localized place (`languageCode`; a Kakao place through its matched Google
 * place); then Translator — transliteration of names into Latin for Latin-script languages,
 * translation otherwise (and for addresses). The local original stays beside (`nameOriginal`,
 * `addressOriginal`, `originalLanguage`), machine-made names say so (`nameSource`), and hours are
 * rendered in the language. A Translator outage leaves the originals and adds one warning.
 */
export class PlaceLocalizer {
  readonly #o: PlaceLocalizerOptions;

  constructor(options: Readonly<PlaceLocalizerOptions>) {
    this.#o = options;
  }

  async localize(
    places: readonly Place[],
    language: string,
    signal?: AbortSignal,
  ): Promise<Localized<Place[]>> {
    if (places.length === 0) return { value: [], warnings: [] };
    const drafts = await Promise.all(places.map((place) => this.#draft(place, language, signal)));
    const { failed } = await translateDrafts(this.#o.translator, drafts, language);
    const value = places.map((place, i) => finish(place, drafts[i]!, language));
    const warnings: LocalizationWarning[] = failed
      ? [{ code: 'translation_unavailable', message: wordsFor(language).translationUnavailable }]
      : [];
    if (failed)
      this.#o.logger?.warn('translation unavailable: originals kept', { language, places: places.length });
    return { value, warnings };
  }

  /**
   * Bare names (no place record to ask Google about, e.g. an itinerary's dropped candidates) in
   * `language`, by Translator alone; names a reader can already read come back as they are.
   */
  async localizeNames(
    names: readonly { name: string; originalLanguage?: string }[],
    language: string,
  ): Promise<Localized<string[]>> {
    const drafts: NameDraft[] = names.map(({ name, originalLanguage }) => ({
      name,
      address: '',
      originalLanguage,
      ...(readableIn(name, language) ? { nameSource: 'provider' as const } : {}),
    }));
    const { failed } = await translateDrafts(this.#o.translator, drafts, language);
    const warnings: LocalizationWarning[] = failed
      ? [{ code: 'translation_unavailable', message: wordsFor(language).translationUnavailable }]
      : [];
    return { value: drafts.map((d) => d.name), warnings };
  }

  async #draft(place: Place, language: string, signal?: AbortSignal): Promise<ProviderDraft> {
    const { value } = await this.#o.cache.getOrLoad<ProviderDraft>(
      cacheKey('i18n', 'place', `${place.id}-${language}`),
      {
        ttlMs: CACHE_TTL_SECONDS.translation * 1000,
        negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
        isEmpty: (draft) => !draft.complete,
      },
      () => this.#fromProvider(place, language, signal),
    );
    return { ...value };
  }

  async #fromProvider(place: Place, language: string, signal?: AbortSignal): Promise<ProviderDraft> {
    const { sources } = this.#o;
    const originalLanguage = originalLanguageOf(place);
    const draft: ProviderDraft = {
      name: place.name,
      address: place.address,
      complete: true,
      originalLanguage,
    };
    const failed = () => {
      draft.complete = false;
      return undefined;
    };
    if (place.provider === 'kakao')
      draft.original = { name: place.name, address: place.address, language: 'ko' };
    else if (originalLanguage && originalLanguage !== language) {
      const local = await sources.googlePlace(place.id, originalLanguage, signal).catch(failed);
      if (local) draft.original = { name: local.name, address: local.address, language: originalLanguage };
    }
    const nameOk = readableIn(place.name, language);
    const addressOk = readableIn(place.address, language);
    draft.nameSource = nameOk ? 'provider' : undefined;
    if (nameOk && addressOk) return draft;
    const googleId =
      place.provider === 'google' ? place.id : await sources.googleMatch(place, signal).catch(failed);
    const localized = googleId
      ? await sources.googlePlace(googleId, language, signal).catch(failed)
      : undefined;
    if (!nameOk) {
      const usable = localized && readableIn(localized.name, language);
      draft.name = usable ? localized.name : place.name;
      draft.nameSource = usable ? 'provider' : undefined;
    }
    if (!addressOk && localized && readableIn(localized.address, language)) draft.address = localized.address;
    draft.addressPending = !readableIn(draft.address, language);
    return draft;
  }
}

function finish(place: Place, draft: ProviderDraft, language: string): Place {
  const original = draft.original && draft.original.language !== language ? draft.original : undefined;
  const hours = place.openingHours;
  return {
    ...place,
    name: draft.name,
    address: draft.address,
    language,
    ...(draft.nameSource ? { nameSource: draft.nameSource } : {}),
    ...(original
      ? {
          nameOriginal: original.name,
          addressOriginal: original.address,
          originalLanguage: original.language,
        }
      : {}),
    ...(hours && hours.periods.length > 0
      ? { openingHours: { ...hours, weekdayDescriptions: weekdayDescriptions(hours.periods, language) } }
      : {}),
  };
}

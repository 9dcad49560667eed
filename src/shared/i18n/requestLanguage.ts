import Negotiator from 'negotiator';
import { z } from 'zod';

import { parseOrThrow } from '../errors/validationError.js';
import { languageCodeSchema, normalizeLanguage } from './languages.js';

/**
 * The language a reader asked for: the `language` query parameter when given (validated: an unknown
 * code is a 400 naming the supported ones), else the first known language of `Accept-Language` by
 * quality (unknown ones there are skipped, as RFC 9110 lets a server do), else `fallback`.
 */
export function requestLanguage(
  query: string | null | undefined,
  acceptLanguage: string | null | undefined,
  fallback: string,
): string {
  if (query !== null && query !== undefined) return parseOrThrow(languageCodeSchema, query, 'query.language');
  if (acceptLanguage) {
    const ranked = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
    for (const tag of ranked) {
      const language = tag === '*' ? undefined : normalizeLanguage(tag);
      if (language) return language;
    }
  }
  return fallback;
}

/** Query of reads that can be shown in another language (`GET …/itinerary?language=ja`). */
export const languageQuerySchema = z.object({
  language: languageCodeSchema
    .optional()
    .describe('Show places in this language (default: Accept-Language, else the trip language).'),
});

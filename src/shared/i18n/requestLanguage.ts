import { LRUCache } from 'lru-cache';
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
  return (acceptLanguage && acceptedLanguage(acceptLanguage)) || fallback;
}

/** Longer `Accept-Language` values are negotiated every time rather than remembered. */
const MAX_REMEMBERED_HEADER = 256;

/**
 * `Accept-Language` values already negotiated ('' when none of its languages is known). Browsers send
 * a handful of distinct values, and ICU's canonicalization of each tag per request was a visible
 * share of a cached itinerary read.
 */
const negotiated = new LRUCache<string, string>({ max: 1_000 });

function acceptedLanguage(header: string): string {
  const known = negotiated.get(header);
  if (known !== undefined) return known;
  let accepted = '';
  for (const tag of new Negotiator({ headers: { 'accept-language': header } }).languages()) {
    const language = tag === '*' ? undefined : normalizeLanguage(tag);
    if (language) {
      accepted = language;
      break;
    }
  }
  if (header.length <= MAX_REMEMBERED_HEADER) negotiated.set(header, accepted);
  return accepted;
}

/** Query of reads that can be shown in another language (`GET …/itinerary?language=ja`). */
export const languageQuerySchema = z.object({
  language: languageCodeSchema
    .optional()
    .describe('Show places in this language (default: Accept-Language, else the trip language).'),
});

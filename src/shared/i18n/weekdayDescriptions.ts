import type { OpeningPeriod } from '../domain/place.js';
import { wordsFor } from './localizedWords.js';

/** A Sunday (day 0 in our periods); the six days after it are Monday to Saturday. */
const A_SUNDAY = Date.UTC(2024, 0, 7);

/**
 * Weekly periods as one line per day, Monday first (as Google lists them), in `language`: day names
 * from ICU (`Intl.DateTimeFormat`), times in 24-hour `HH:MM`, and "closed" / "open 24 hours" from the
 * localized words. Replaces the provider's own lines, which come in whatever language it was asked in.
 */
export function weekdayDescriptions(periods: readonly OpeningPeriod[], language: string): string[] {
  const names = dayNames(language);
  const words = wordsFor(language);
  return [1, 2, 3, 4, 5, 6, 0].map((day) => {
    const name = names[day]!;
    const today = periods.filter((p) => p.day === day);
    if (today.length === 0) return `${name}: ${words.closed}`;
    if (today.some((p) => p.open === '00:00' && p.close === '24:00')) return `${name}: ${words.open24h}`;
    return `${name}: ${today.map((p) => `${p.open}–${p.close}`).join(', ')}`;
  });
}

/** Day names (Sunday first) per language: building an Intl.DateTimeFormat costs more than a whole cached read. */
const DAY_NAMES = new Map<string, readonly string[]>();

function dayNames(language: string): readonly string[] {
  let names = DAY_NAMES.get(language);
  if (!names) {
    const format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
    names = [0, 1, 2, 3, 4, 5, 6].map((day) => format.format(new Date(A_SUNDAY + day * 86_400_000)));
    DAY_NAMES.set(language, names);
  }
  return names;
}

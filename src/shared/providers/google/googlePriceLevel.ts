/** Places API (New) price levels on Google's 0–4 scale; UNSPECIFIED means unknown. */
const PRICE_LEVELS: Readonly<Record<string, number>> = {
  PRICE_LEVEL_FREE: 0,
  PRICE_LEVEL_INEXPENSIVE: 1,
  PRICE_LEVEL_MODERATE: 2,
  PRICE_LEVEL_EXPENSIVE: 3,
  PRICE_LEVEL_VERY_EXPENSIVE: 4,
};

/** 0 (free) – 4 (very expensive), or `undefined` when Google does not say. */
export function fromGooglePriceLevel(level: string | undefined): number | undefined {
  return level === undefined ? undefined : PRICE_LEVELS[level];
}

/** The Places enum for a 0–4 level (for `priceLevels` filters). */
export function toGooglePriceLevel(level: number): string | undefined {
  return Object.entries(PRICE_LEVELS).find(([, value]) => value === level)?.[0];
}

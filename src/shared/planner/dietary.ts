import type { Place } from '../domain/place.js';
import type { Diet } from './healthNotes.js';
import { kindOf } from './placeKind.js';

/** How a restaurant fits the group's diets. */
export type DietFit = 'fits' | 'unverified' | 'unsuitable';

/** Cuisines whose core dishes break a diet (a barbecue house for a vegetarian). */
const BREAKS: Readonly<Record<Diet, readonly string[]>> = {
  vegetarian: ['bbq', 'seafood', 'sushi', 'soup', 'chicken', 'tonkatsu', 'ramen'],
  vegan: ['bbq', 'seafood', 'sushi', 'soup', 'chicken', 'tonkatsu', 'ramen'],
  halal: ['bbq', 'tonkatsu', 'soup', 'bar', 'izakaya', 'ramen'],
  no_pork: ['bbq', 'tonkatsu', 'soup'],
  no_seafood: ['seafood', 'sushi'],
  no_beef: ['bbq'],
};

/** Cuisines that serve a diet by what they are. */
const SERVES: Readonly<Record<Diet, readonly string[]>> = {
  vegetarian: ['vegetarian', 'indian'],
  vegan: ['vegetarian'],
  halal: ['halal'],
  no_pork: ['vegetarian', 'halal', 'indian'],
  no_seafood: ['vegetarian', 'bbq', 'italian', 'indian', 'chicken'],
  no_beef: ['vegetarian', 'seafood', 'sushi', 'halal'],
};

/**
 * Judge a restaurant for the group's diets from its cuisine (the provider's own type or category).
 * `unverified`: nothing says it breaks the diet, nothing says it serves it — the traveller is told.
 */
export function dietFit(place: Place, diets: readonly Diet[]): DietFit {
  if (diets.length === 0) return 'fits';
  const cuisine = kindOf(place)?.name ?? '';
  if (diets.some((diet) => BREAKS[diet].includes(cuisine))) return 'unsuitable';
  return diets.every((diet) => SERVES[diet].includes(cuisine)) ? 'fits' : 'unverified';
}

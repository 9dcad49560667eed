import { describe, expect, it } from 'vitest';

import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import { daily, makePlace, makeRequest, makeTrip, restaurants } from '../../fixtures/planner/planFixtures.js';

/** More well-rated sights of varied kinds than two days hold, and a plain shop nobody asked for. */
function crowdedDays() {
  // Sixteen points 1.5 km out, ~590 m apart: each its own site (sites are 350 m).
  const ring = (i: number): [number, number] => [
    1500 * Math.cos((i * Math.PI) / 8),
    1500 * Math.sin((i * Math.PI) / 8),
  ];
  const kinds = ['museum', 'art_gallery', '고궁', 'park', 'observation_deck', 'zoo', 'aquarium', 'plaza'];
  const sights = kinds.flatMap((label, k) =>
    [0, 1].map((n) =>
      makePlace({
        category: label === 'park' ? 'nature' : 'culture',
        name: `${label} ${n}`,
        categories: [label],
        rating: 4.8,
        ratingCount: 5000,
        at: ring(2 * k + n),
        openingHours: daily('09:00', '21:00'),
      }),
    ),
  );
  const shop = makePlace({ category: 'shopping', name: 'Plain Shop', rating: 3.2, at: [2500, 1500] });
  return { shop, places: [...sights, shop, ...restaurants()] };
}

describe('planItinerary must-visit places', () => {
  it('plans a must-visit place that would otherwise lose to better-scored ones, with no violations', () => {
    const { shop, places } = crowdedDays();
    const trip = makeTrip({ startDate: '2025-06-03', endDate: '2025-06-04' });
    const planned = (plan: ReturnType<typeof planItinerary>) =>
      plan.days.some((d) => d.items.some((i) => i.placeId === shop.id));

    expect(planned(planItinerary(makeRequest(trip, places)))).toBe(false);
    const pinned = planItinerary(makeRequest(trip, places, { mustVisit: [shop.id] }));
    expect(planned(pinned)).toBe(true);
    expect(pinned.violations).toEqual([]);
    // Meals still come first.
    expect(pinned.warnings.filter((w) => w.code === 'meal_not_scheduled')).toEqual([]);
  });

  it('still leaves out a must-visit place closed on every day of the trip, saying why', () => {
    const { places } = crowdedDays();
    const closed = makePlace({
      category: 'culture',
      name: 'Closed Gallery',
      // Open on Sundays only; the trip is a Tuesday.
      openingHours: daily('09:00', '18:00', [1, 2, 3, 4, 5, 6]),
    });
    const plan = planItinerary(makeRequest(makeTrip(), [...places, closed], { mustVisit: [closed.id] }));
    expect(plan.days.some((d) => d.items.some((i) => i.placeId === closed.id))).toBe(false);
    expect(plan.dropped).toContainEqual({
      placeId: closed.id,
      name: 'Closed Gallery',
      reason: 'Closed on every day of the trip',
    });
  });

  it('says so when a must-visit place is open but fits no day, instead of "other places matched you better"', () => {
    const { places } = crowdedDays();
    // Open every day, but only across lunchtime, and meals come before any visit.
    const brief = makePlace({
      category: 'culture',
      name: 'Brief Museum',
      categories: ['museum'],
      openingHours: daily('12:00', '13:40'),
    });
    const plan = planItinerary(makeRequest(makeTrip(), [...places, brief], { mustVisit: [brief.id] }));
    expect(plan.days.some((d) => d.items.some((i) => i.placeId === brief.id))).toBe(false);
    const why = plan.dropped.find((d) => d.placeId === brief.id);
    expect(why?.reason).toMatch(/^Could not be fitted on any day/);
  });
});

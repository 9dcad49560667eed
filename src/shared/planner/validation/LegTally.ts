import type { GroupProfile } from '../groupProfile.js';
import type { ItineraryItem } from '../planTypes.js';
import { parseHhmm } from '../timeOfDay.js';
import type { TravelModel } from '../TravelModel.js';
import type { FlagViolation } from './violations.js';

/**
 * Checks the travel items between consecutive stops of a day: a leg must exist where the places
 * differ, last at least the provider's (or estimate's) time for its mode, and keep walks within the
 * group's caps. Walking metres add up across the day.
 */
export class LegTally {
  legs = 0;
  estimatedLegs = 0;
  walkMeters = 0;
  private pending: ItineraryItem[] = [];

  constructor(
    private readonly travel: TravelModel,
    private readonly profile: GroupProfile,
    private readonly flag: FlagViolation,
    private readonly nameOf: (point: number) => string,
  ) {}

  /** Whether travel items are waiting for the next stop. */
  get holding(): boolean {
    return this.pending.length > 0;
  }

  /** A travel item seen since the last stop. */
  hold(item: ItineraryItem): void {
    this.pending.push(item);
  }

  /** Check the travel held between point `from` and point `to` (0 = accommodation). */
  settle(from: number, to: number): void {
    const items = this.pending;
    this.pending = [];
    if (items.length === 0) {
      if (from !== to && this.travel.leg(from, to).minutes > 0) {
        this.flag('missing_leg', `no travel between stops (${this.nameOf(from)} → ${this.nameOf(to)})`);
      }
      return;
    }
    const shown = items.reduce((sum, t) => sum + parseHhmm(t.end) - parseHhmm(t.start), 0);
    for (const item of items) {
      this.legs++;
      if (item.travel?.estimated) this.estimatedLegs++;
      const mode = item.travel?.mode ?? 'walk';
      const required = this.travel.legByMode(from, to, mode);
      const claimed = item.travel?.durationSeconds ?? Infinity;
      if (shown * 60 < required.durationSeconds || claimed < required.durationSeconds) {
        const needed = Math.ceil(required.durationSeconds / 60);
        this.flag('leg_too_short', `${mode} leg shown as ${shown} min but takes ${needed} min`, item);
      }
      if (mode !== 'walk') continue;
      const meters = Math.max(item.travel?.distanceMeters ?? 0, required.distanceMeters);
      this.walkMeters += meters;
      if (meters > this.profile.maxWalkLegMeters) {
        this.flag('pace_walk_leg', `walk of ${meters} m exceeds ${this.profile.maxWalkLegMeters} m`, item);
      }
    }
  }
}

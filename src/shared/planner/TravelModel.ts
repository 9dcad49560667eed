import type { LatLng } from '../domain/place.js';
import type { ItineraryTravelMode, MatrixCell, TravelMode } from '../domain/route.js';
import { estimateCell } from './estimateTravel.js';
import type { GroupProfile } from './groupProfile.js';
import type { PlanTrip, TravelMatrices } from './planTypes.js';

/** One leg as the planner uses it. */
export interface Leg {
  readonly mode: ItineraryTravelMode;
  readonly distanceMeters: number;
  readonly durationSeconds: number;
  readonly estimated: boolean;
  /** Whole minutes reserved in the schedule (seconds rounded up; never shorter than the provider's). */
  readonly minutes: number;
  /** Metres walked on this leg (counts towards the pace caps). */
  readonly walkMeters: number;
}

/** In transit and mixed trips, hops up to this far (and under the group's leg cap) are walked. */
const WALK_INSTEAD_OF_TRANSIT_METERS = 1_000;
/**
 * Shorter rides are not worth a station or a bus stop (walking to it and waiting take longer than the
 * ride): a hop too long for the group to walk but shorter than this is a taxi.
 */
const TRANSIT_WORTHWHILE_METERS = 1_500;
/** Public transport this many times slower than a taxi, and by this many minutes, loses to the taxi. */
const TRANSIT_SLOWER_FACTOR = 2;
const TRANSIT_SLOWER_MINUTES = 20;

/**
 * Legs between the points `[accommodation, ...places]` for one group and transport mode:
 * car trips drive; walking trips walk up to the group's leg cap and ride beyond it; transit
 * and mixed trips walk short hops (≤ 1 km and the cap) and ride otherwise. A ride is public
 * transport, or a taxi (labelled `taxi`, timed by the driving matrix or estimate) where transit is
 * no real option: a hop too short for a station, a traveller with limited mobility, or transit far
 * slower than the road. Walking legs
 * never go faster than the group's speed (≤ 0.9 m/s with anyone 65+). Missing matrices or cells
 * are estimated; matrices of the wrong shape are ignored and reported through `ignoredModes`.
 */
export class TravelModel {
  readonly ignoredModes: TravelMode[] = [];
  private readonly matrices: TravelMatrices;
  private readonly cache = new Map<number, Leg>();

  constructor(
    private readonly points: readonly LatLng[],
    matrices: TravelMatrices,
    private readonly tripMode: PlanTrip['transport']['mode'],
    private readonly profile: GroupProfile,
  ) {
    const accepted: TravelMatrices = {};
    for (const [mode, rows] of Object.entries(matrices) as [TravelMode, MatrixCell[][]][]) {
      const fits = rows.length === points.length && rows.every((row) => row.length === points.length);
      if (fits) accepted[mode] = rows;
      else this.ignoredModes.push(mode);
    }
    this.matrices = accepted;
  }

  get size(): number {
    return this.points.length;
  }

  /** Coordinates of a point (0 is the accommodation). */
  pointAt(index: number): LatLng {
    return this.points[index]!;
  }

  /** The leg the group takes from point `from` to point `to`. */
  leg(from: number, to: number): Leg {
    const key = from * this.points.length + to;
    let leg = this.cache.get(key);
    if (leg === undefined) {
      leg = this.chooseLeg(from, to);
      this.cache.set(key, leg);
    }
    return leg;
  }

  /** The leg by a given mode (what the validator checks a shown leg against); a taxi drives. */
  legByMode(from: number, to: number, mode: ItineraryTravelMode): Leg {
    if (from === to)
      return { mode, distanceMeters: 0, durationSeconds: 0, estimated: false, minutes: 0, walkMeters: 0 };
    if (mode === 'walk') return this.walkLeg(from, to);
    const routed: TravelMode = mode === 'taxi' ? 'car' : mode;
    const cell =
      this.matrices[routed]?.[from]?.[to] ?? estimateCell(this.points[from]!, this.points[to]!, routed);
    return { mode, ...cell, minutes: Math.ceil(cell.durationSeconds / 60), walkMeters: 0 };
  }

  private chooseLeg(from: number, to: number): Leg {
    switch (this.tripMode) {
      case 'car':
        return this.legByMode(from, to, 'car');
      case 'walk': {
        // Nobody is made to walk past their cap: longer legs go by transit (or taxi), estimated if need be.
        const walk = this.walkLeg(from, to);
        return walk.distanceMeters <= this.profile.maxWalkLegMeters ? walk : this.ride(from, to, walk);
      }
      case 'transit':
      case 'mixed': {
        const walk = this.walkLeg(from, to);
        const walkable =
          walk.distanceMeters <= Math.min(this.profile.maxWalkLegMeters, WALK_INSTEAD_OF_TRANSIT_METERS);
        return walkable ? walk : this.ride(from, to, walk);
      }
    }
  }

  /** Public transport, or a taxi where transit is no real option for this hop and this group. */
  private ride(from: number, to: number, walk: Leg): Leg {
    const transit = this.legByMode(from, to, 'transit');
    const taxi = this.legByMode(from, to, 'taxi');
    const taxiBetter =
      walk.distanceMeters < TRANSIT_WORTHWHILE_METERS ||
      this.profile.hasLimitedMobility ||
      (transit.minutes >= TRANSIT_SLOWER_FACTOR * taxi.minutes &&
        transit.minutes - taxi.minutes >= TRANSIT_SLOWER_MINUTES);
    return taxiBetter ? taxi : transit;
  }

  private walkLeg(from: number, to: number): Leg {
    if (from === to)
      return {
        mode: 'walk',
        distanceMeters: 0,
        durationSeconds: 0,
        estimated: false,
        minutes: 0,
        walkMeters: 0,
      };
    const provided = this.matrices.walk?.[from]?.[to];
    const cell =
      provided ?? estimateCell(this.points[from]!, this.points[to]!, 'walk', this.profile.walkSpeed);
    // A provider's walking time assumes an adult pace; the group may be slower.
    const durationSeconds = Math.max(
      cell.durationSeconds,
      Math.ceil(cell.distanceMeters / this.profile.walkSpeed),
    );
    return {
      mode: 'walk',
      distanceMeters: cell.distanceMeters,
      durationSeconds,
      estimated: cell.estimated,
      minutes: Math.ceil(durationSeconds / 60),
      walkMeters: cell.distanceMeters,
    };
  }
}

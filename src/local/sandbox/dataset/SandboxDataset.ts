import type { OpeningPeriod } from '../../../shared/domain/place.js';
import bundled from '../data/places.json' with { type: 'json' };
import { sandboxDatasetSchema, type SandboxPlace } from './SandboxPlace.js';

/** What `POST /__sandbox/places/{id}` may change at run time (e.g. "the hours changed"). */
export interface SandboxPlacePatch {
  /** New weekly periods; `null` makes the hours unknown. */
  openingHours?: OpeningPeriod[] | null;
  rating?: number;
  ratingCount?: number;
  priceLevel?: number | null;
  phone?: string | null;
}

/**
 * The sandbox's places: the bundled sample dataset (validated once at load), plus run-time patches
 * that `reset()` undoes. Lookups accept a Kakao id, a Google id, or our `kakao:`/`google:` ids.
 */
export class SandboxDataset {
  readonly #original: readonly SandboxPlace[];
  #places: SandboxPlace[];

  constructor(places: readonly SandboxPlace[]) {
    this.#original = places.map((p) => structuredClone(p));
    this.#places = places.map((p) => structuredClone(p));
  }

  /** The bundled dataset (`data/places.json`). */
  static bundled(): SandboxDataset {
    return new SandboxDataset(sandboxDatasetSchema.parse(bundled).places);
  }

  all(): readonly SandboxPlace[] {
    return this.#places;
  }

  byKakaoId(id: string): SandboxPlace | undefined {
    return this.#places.find((p) => p.kakaoId === id);
  }

  byGoogleId(id: string): SandboxPlace | undefined {
    return this.#places.find((p) => p.googleId === id);
  }

  /** A place by any of its ids: `90010001`, `ChIJ…`, `kakao:90010001`, `google:ChIJ…`. */
  find(anyId: string): SandboxPlace | undefined {
    const id = anyId.replace(/^(kakao|google):/, '');
    return this.byKakaoId(id) ?? this.byGoogleId(id);
  }

  /** Change a place in place; the updated place, or `undefined` when there is no such place. */
  patch(anyId: string, patch: Readonly<SandboxPlacePatch>): SandboxPlace | undefined {
    const place = this.find(anyId);
    if (!place) return undefined;
    if (patch.openingHours !== undefined) {
      delete place.hoursText; // the source notation no longer describes the hours
      if (patch.openingHours === null) delete place.openingHours;
      else place.openingHours = structuredClone(patch.openingHours);
    }
    if (patch.rating !== undefined) place.rating = patch.rating;
    if (patch.ratingCount !== undefined) place.ratingCount = patch.ratingCount;
    if (patch.priceLevel === null) delete place.priceLevel;
    else if (patch.priceLevel !== undefined) place.priceLevel = patch.priceLevel;
    if (patch.phone === null) delete place.phone;
    else if (patch.phone !== undefined) place.phone = patch.phone;
    return place;
  }

  /** Undo every patch. */
  reset(): void {
    this.#places = this.#original.map((p) => structuredClone(p));
  }
}

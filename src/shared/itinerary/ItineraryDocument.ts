import type { LatLng, Place } from '../domain/place.js';
import type { ItineraryTravelMode } from '../domain/route.js';

export interface Attachment {
  attachmentId: string;
  contentType: string;
  sizeBytes: number;
  blobName: string;
  createdAt: string;
  /** `ready` once POST …/complete found a real image of the declared size; absent: not confirmed yet. */
  status?: 'ready';
}

export interface ItineraryItem {
  id: string;
  kind: 'visit' | 'meal' | 'travel' | 'rest';
  start: string;
  end: string;
  place?: Place;
  travel?: { mode: ItineraryTravelMode; distanceMeters: number; durationSeconds: number; estimated: boolean };
  /** Which meal a `meal` item is. */
  meal?: 'lunch' | 'dinner';
  /** Why this place, one line in the trip's language (visits and meals). */
  reason?: string;
  memo?: string;
  attachments?: Attachment[];
  /** Set by the upcoming-trip verifier when the place's hours changed (never a silent rewrite). */
  warnings?: string[];
  /** A visit length the traveller chose (kept through re-timing instead of the category default). */
  durationMinutes?: number;
}

export interface ItineraryDay {
  date: string;
  items: ItineraryItem[];
  /** A locked day is kept as it is by edits and regeneration until it is unlocked. */
  locked?: boolean;
}

/**
 * A memo or photos the traveller put on a travel leg or rest that an edit or regeneration took out
 * of the plan (the plan no longer goes from that place to that place), or on a stop the plan lost
 * without the traveller asking (the verifier replaced a closed place; the trip's dates changed; a
 * new generation job left the place out): kept on the itinerary with where it was, instead of being lost.
 */
export interface DetachedNote {
  /** The item it was on (its photos are still addressed by this id). */
  itemId: string;
  date: string;
  kind: ItineraryItem['kind'];
  /** Where it was, for the traveller: "travel from A to B on 2026-12-10". */
  note: string;
  memo?: string;
  attachments?: Attachment[];
  /** When it was detached. */
  at: string;
}

/** Something the traveller should know: planner warnings, and later the verifier's. */
export interface ItineraryWarning {
  code: string;
  message: string;
  date?: string;
  placeId?: string;
  itemId?: string;
}

/** The read model served by GET /api/trips/{tripId}/itinerary (docs/architecture.md#api-contract). */
export interface ItineraryDocument {
  tripId: string;
  /** The job that produced it (idempotency: a redelivered job finds its own document). */
  jobId: string;
  generatedAt: string;
  days: ItineraryDay[];
  warnings: ItineraryWarning[];
  dropped: {
    placeId?: string;
    name?: string;
    reason: string;
    /** Internal: where the place is and its address, to localize its name on read; not served. */
    location?: LatLng;
    address?: string;
  }[];
  metrics?: Record<string, unknown>;
  /** Sample-data notice when generated against the sandbox upstream. */
  notice?: string;
  /** Set by the verifier when a re-plan (a new job) is suggested; the itinerary itself is not rewritten. */
  replan?: { suggested: boolean; reason: string; how: string; checkedAt: string };
  /** Set when the trip changed after generation (what changed); cleared by regenerating. */
  stale?: { since: string; changed: string[] };
  /** Changes made to the plan on the traveller's behalf (the verifier's repairs), newest last. */
  changes?: { at: string; date: string; note: string }[];
  /** Memos and photos of legs, rests and stops the plan no longer has (see `DetachedNote`), oldest first. */
  detachedNotes?: DetachedNote[];
  /** Bumped on every edit, regeneration or restore; earlier revisions are kept as versions. */
  revision?: number;
}

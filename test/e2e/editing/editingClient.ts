import { expect } from 'vitest';

import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';
import { type LocalApp } from '../../support/localApp.js';
import { sampleTrip } from '../../support/testApp.js';

export type Itinerary = Omit<ItineraryDocument, 'jobId'>;

/** REST calls of the editing tests, as a client would make them. */
export function editingClient(local: LocalApp, user: string) {
  const jsonCall = async (
    path: string,
    method: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    local.call(user, path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    jsonCall,
    async createTrip(overrides: Record<string, unknown> = {}): Promise<string> {
      const res = await jsonCall('/api/trips', 'POST', sampleTrip(overrides));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    },
    async generate(tripId: string): Promise<void> {
      const accepted = await local.call(user, `/api/trips/${tripId}/itinerary-jobs`, { method: 'POST' });
      expect(accepted.status).toBe(202);
      const { jobId } = (await accepted.json()) as { jobId: string };
      const deadline = Date.now() + 30_000;
      for (;;) {
        const job = (await (await local.call(user, `/api/jobs/${jobId}`)).json()) as { status: string };
        if (job.status === 'completed') return;
        if (job.status === 'failed' || Date.now() > deadline) throw new Error(`job ${jobId} ${job.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async read(tripId: string): Promise<{ itinerary: Itinerary; etag: string }> {
      const res = await local.call(user, `/api/trips/${tripId}/itinerary`);
      expect(res.status).toBe(200);
      return { itinerary: (await res.json()) as Itinerary, etag: res.headers.get('etag')! };
    },
    async edit(tripId: string, etag: string | undefined, operations: unknown[], force = false) {
      return jsonCall(
        `/api/trips/${tripId}/itinerary/edits`,
        'POST',
        { operations, ...(force ? { force } : {}) },
        etag ? { 'if-match': etag } : {},
      );
    },
  };
}

/** Visits and meals of a day, in order. */
export function stopsOfDay(itinerary: Itinerary, date: string) {
  return itinerary.days
    .find((d) => d.date === date)!
    .items.filter((i) => i.kind === 'visit' || i.kind === 'meal');
}

export function allItems(itinerary: Itinerary) {
  return itinerary.days.flatMap((d) => d.items);
}

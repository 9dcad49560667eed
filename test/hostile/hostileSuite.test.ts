import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect } from 'vitest';

import { seedItinerary } from '../integration/itinerary/seedItinerary.js';
import { type LocalApp, startLocalApp } from '../support/localApp.js';
import { itWithRedis } from '../support/redisTest.js';
import { sampleTrip, TEST_SECRET } from '../support/testApp.js';
import {
  adversarialBodies,
  adversarialIds,
  adversarialQueries,
  adversarialToolCalls,
  BAD_IF_MATCH,
  type HostileRequest,
} from './hostileRequests.js';

const VICTIM = 'alice';
const ATTACKER = 'bob';
const MCP_ACCEPT = 'application/json, text/event-stream';

async function forged(claims: Record<string, unknown>, secret = TEST_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({
    iss: 'tripgen-local',
    aud: 'tripgen-api',
    iat: now,
    exp: now + 600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  return `Bearer ${jwt}`;
}

/** Everything the victim owns, as read back through the stores (not through caches a bug could skip). */
async function snapshot(local: LocalApp, tripId: string) {
  const trip = await local.app.tripStore.get(VICTIM, tripId);
  const itinerary = await local.app.itineraryStore.find(VICTIM, tripId);
  const jobs = await local.app.jobStore.listForTrip(tripId);
  const victimTrips = (await local.app.trips.list(VICTIM, 100)).items.length;
  const attackerTrips = (await local.app.trips.list(ATTACKER, 100)).items.length;
  return {
    tripEtag: trip.etag,
    itineraryEtag: itinerary?.etag,
    jobs: jobs.sort(),
    victimTrips,
    attackerTrips,
  };
}

describe('hostile-client suite: adversarial requests on every route and MCP tool', () => {
  let local: LocalApp;

  beforeAll(async () => {
    local = await startLocalApp({ withRedis: true });
  });
  afterAll(async () => local?.stop());

  itWithRedis(
    '≥ 1,000 adversarial requests: 0 × 5xx, no mutation accepted, storage unchanged, no cross-user read',
    async () => {
      const created = await local.call(VICTIM, '/api/trips', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sampleTrip()),
      });
      const { id: tripId } = (await created.json()) as { id: string };
      await local.app.itineraryStore.put(VICTIM, tripId, seedItinerary(tripId, 3), null);
      // A finished job row (not queued: the host's worker would otherwise rewrite the itinerary meanwhile).
      const now = new Date().toISOString();
      const job = {
        jobId: `hostile-${tripId}`,
        tripId,
        ownerId: VICTIM,
        status: 'completed' as const,
        step: 'completed' as const,
        progress: 100,
        createdAt: now,
        updatedAt: now,
        attempts: 1,
        options: { useLlm: false },
      };
      await local.app.jobStore.createIfAbsent(job);
      const before = await snapshot(local, tripId);

      // The user id that collided under the old `${owner}-${trip}` cache key: alice-<first segment>.
      const collider = `${VICTIM}-${tripId.slice(0, 8)}`;
      const colliderTrip = tripId.slice(9);
      const requests: HostileRequest[] = [];
      const ids = adversarialIds(tripId);
      const bodies = adversarialBodies();
      const jsonHeaders = { 'content-type': 'application/json' };

      for (const id of ids) {
        for (const body of bodies) {
          requests.push({
            user: ATTACKER,
            method: 'PUT',
            path: `trips/${id}`,
            headers: { ...jsonHeaders, 'if-match': '*' },
            body,
            mutation: true,
          });
          requests.push({
            user: ATTACKER,
            method: 'PATCH',
            path: `trips/${id}`,
            headers: { ...jsonHeaders, 'if-match': '*' },
            body,
            mutation: true,
          });
          requests.push({
            user: ATTACKER,
            method: 'PATCH',
            path: `trips/${id}/itinerary/items/item-0`,
            headers: jsonHeaders,
            body,
            mutation: true,
          });
          requests.push({
            user: ATTACKER,
            method: 'POST',
            path: `trips/${id}/itinerary-jobs`,
            headers: jsonHeaders,
            body,
            mutation: true,
          });
        }
        for (const method of ['GET', 'DELETE'])
          requests.push({ user: ATTACKER, method, path: `trips/${id}`, mutation: method !== 'GET' });
        requests.push({ user: ATTACKER, method: 'GET', path: `trips/${id}/itinerary`, mutation: false });
        requests.push({ user: ATTACKER, method: 'GET', path: `jobs/${id}`, mutation: false });
        requests.push({
          user: ATTACKER,
          method: 'POST',
          path: `trips/${id}/itinerary/items/item-0/attachments`,
          headers: jsonHeaders,
          body: JSON.stringify({ contentType: 'image/jpeg', sizeBytes: 10 }),
          mutation: true,
        });
      }
      // The victim's own resources with malformed bodies and preconditions: refused, nothing written.
      for (const body of bodies) {
        requests.push({
          user: VICTIM,
          method: 'PUT',
          path: `trips/${tripId}`,
          headers: { ...jsonHeaders, 'if-match': before.tripEtag },
          body,
          mutation: true,
        });
        requests.push({
          user: VICTIM,
          method: 'PATCH',
          path: `trips/${tripId}`,
          headers: { ...jsonHeaders, 'if-match': before.tripEtag },
          body,
          mutation: true,
        });
        requests.push({
          user: VICTIM,
          method: 'PATCH',
          path: `trips/${tripId}/itinerary/items/item-0`,
          headers: jsonHeaders,
          body,
          mutation: true,
        });
        requests.push({
          user: VICTIM,
          method: 'POST',
          path: 'trips',
          headers: jsonHeaders,
          body,
          mutation: true,
        });
        requests.push({
          user: ATTACKER,
          method: 'POST',
          path: 'trips',
          headers: jsonHeaders,
          body,
          mutation: true,
        });
        for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x'])
          requests.push({
            user: VICTIM,
            method: 'PUT',
            path: `trips/${tripId}`,
            headers: { 'content-type': type, 'if-match': before.tripEtag },
            body,
            mutation: true,
          });
      }
      for (const ifMatch of BAD_IF_MATCH) {
        for (const method of ['PUT', 'PATCH', 'DELETE'])
          requests.push({
            user: VICTIM,
            method,
            path: `trips/${tripId}`,
            headers: { ...jsonHeaders, 'if-match': ifMatch },
            body: JSON.stringify(sampleTrip()),
            mutation: true,
          });
        requests.push({
          user: VICTIM,
          method: 'PATCH',
          path: `trips/${tripId}/itinerary/items/item-0`,
          headers: { ...jsonHeaders, 'if-match': ifMatch },
          body: JSON.stringify({ memo: 'x' }),
          mutation: true,
        });
      }
      requests.push({
        user: VICTIM,
        method: 'DELETE',
        path: `trips/${tripId}`,
        headers: { 'if-match': '"0x0"' },
        mutation: true,
      });
      requests.push({
        user: VICTIM,
        method: 'DELETE',
        path: `trips/${tripId}`,
        headers: { 'if-match': 'W/"datetime\'2000-01-01T00%3A00%3A00Z\'"' },
        mutation: true,
      });
      // The colliding-looking ids: never the victim's itinerary, job or trip.
      for (const path of [
        `trips/${colliderTrip}/itinerary`,
        `trips/${colliderTrip}`,
        `jobs/${job.jobId}`,
        `jobs/${job.jobId}/events`,
      ])
        requests.push({ user: collider, method: 'GET', path, mutation: false });
      for (const user of ['a-b', 'a:b', 'a', 'b-c'])
        requests.push({ user, method: 'GET', path: `trips/${tripId}/itinerary`, mutation: false });
      for (const query of adversarialQueries())
        requests.push({ user: ATTACKER, method: 'GET', path: query, mutation: false });
      // Tokens: none, malformed, wrong key, non-string or unsafe subjects, no exp, issued in the future.
      const badTokens: (string | null)[] = [
        null,
        'Bearer',
        'Bearer a.b.c',
        'Basic YWxpY2U6cGFzcw==',
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${VICTIM}"}`).toString('base64url')}.`,
        await forged({ sub: VICTIM }, 'not-the-secret-but-long-enough-to-sign-with'),
        await forged({ sub: 12345 }),
        await forged({ sub: '..' }),
        await forged({ sub: '.' }),
        await forged({ sub: 'ālice' }),
        await forged({ sub: 'a'.repeat(200) }),
        await forged({ sub: VICTIM, exp: undefined }),
        await forged({ sub: VICTIM, iat: Math.floor(Date.now() / 1000) + 365 * 86_400 }),
      ];
      for (const authorization of badTokens)
        for (const [method, path] of [
          ['GET', `trips/${tripId}`],
          ['DELETE', `trips/${tripId}`],
          ['GET', `trips/${tripId}/itinerary`],
          ['GET', 'trips'],
          ['POST', 'mcp'],
        ] as const)
          requests.push({
            authorization,
            method,
            path,
            headers: jsonHeaders,
            body: method === 'POST' ? '{}' : undefined,
            mutation: method !== 'GET',
          });
      // MCP: mistyped arguments on every tool, and the victim's ids as the attacker.
      let rpcId = 1;
      for (const call of adversarialToolCalls(tripId))
        for (const user of [ATTACKER, collider])
          requests.push({
            user,
            method: 'POST',
            path: 'mcp',
            headers: { ...jsonHeaders, accept: MCP_ACCEPT },
            body: JSON.stringify({ jsonrpc: '2.0', id: rpcId++, method: 'tools/call', params: call }),
            mutation: true,
          });
      for (const body of ['{', '[]', '{"jsonrpc":"2.0","id":1,"method":"tools/call"}', deepRpc(3000)])
        requests.push({
          user: ATTACKER,
          method: 'POST',
          path: 'mcp',
          headers: { ...jsonHeaders, accept: MCP_ACCEPT },
          body,
          mutation: true,
        });

      const statuses = new Map<number, number>();
      const serverErrors: string[] = [];
      const acceptedMutations: string[] = [];
      const leaks: string[] = [];
      const tokens = new Map<string, string>();
      async function send(r: HostileRequest): Promise<void> {
        const headers = new Headers(r.headers);
        if (r.authorization !== undefined) {
          if (r.authorization !== null) headers.set('authorization', r.authorization);
        } else {
          if (!tokens.has(r.user!)) tokens.set(r.user!, await forged({ sub: r.user }));
          headers.set('authorization', tokens.get(r.user!)!);
        }
        const res = await fetch(`${local.url}/api/${r.path}`, {
          method: r.method,
          headers,
          body: r.body,
          signal: AbortSignal.timeout(20_000),
        });
        const text = r.path.endsWith('/events') ? '' : await res.text();
        if (r.path.endsWith('/events')) await res.body?.cancel();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const label = `${r.method} /api/${r.path.slice(0, 80)} as ${r.user ?? 'token'} → ${res.status}`;
        if (res.status >= 500) serverErrors.push(`${label} ${text.slice(0, 200)}`);
        const mcpAccepted =
          r.path === 'mcp' &&
          res.status === 200 &&
          /"result"/.test(text) &&
          !/"isError":true/.test(text) &&
          !/"error"/.test(text);
        if (r.mutation && ((res.status >= 200 && res.status < 300 && r.path !== 'mcp') || mcpAccepted))
          acceptedMutations.push(`${label} ${text.slice(0, 200)}`);
        if (r.user !== VICTIM && text.includes('item-0') && text.includes(tripId)) leaks.push(label);
        if (r.path === 'mcp' && /"internal"/.test(text))
          serverErrors.push(`${label} in-band internal: ${text.slice(0, 200)}`);
      }
      for (let i = 0; i < requests.length; i += 16) await Promise.all(requests.slice(i, i + 16).map(send));

      const after = await snapshot(local, tripId);
      const figures = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
      console.log(
        `hostile: ${requests.length} requests → statuses ${JSON.stringify(figures)}; 5xx ${serverErrors.length}; accepted mutations ${acceptedMutations.length}; cross-user reads ${leaks.length}`,
      );
      expect(requests.length).toBeGreaterThanOrEqual(1000);
      expect(serverErrors).toEqual([]);
      expect(acceptedMutations).toEqual([]);
      expect(leaks).toEqual([]);
      expect(after).toEqual(before);
    },
    300_000,
  );
});

function deepRpc(levels: number): string {
  return `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"geocode","arguments":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}`;
}

/**
 * `npm run demo` (with `npm start` running): create a sample trip, generate its itinerary and print
 * it as a day-by-day timeline. `DEMO_URL` overrides http://localhost:7071.
 */
import { readFileSync } from 'node:fs';

import { issueLocalToken } from '../src/shared/auth/issueLocalToken.js';

const base = (process.env.DEMO_URL ?? 'http://localhost:7071').replace(/\/$/, '');
const settings = (() => {
  for (const file of ['local.settings.json', 'local.settings.sample.json']) {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { Values: Record<string, string> }).Values;
    } catch {
      // next
    }
  }
  return {} as Record<string, string>;
})();
const setting = (name: string) => process.env[name] ?? settings[name];

const token = await issueLocalToken({
  secret: setting('AUTH_LOCAL_SECRET') ?? '',
  issuer: setting('AUTH_ISSUER') ?? 'tripgen-local',
  audience: setting('AUTH_AUDIENCE') ?? 'tripgen-api',
  userId: 'demo-user',
});

async function api<T>(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string>),
    },
  }).catch((error: unknown) => {
    console.error(`Cannot reach ${base} (${(error as Error).message}). Start the app first: npm start`);
    process.exit(1);
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const trip = {
  name: 'Demo: Seoul with the family',
  destination: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
  startDate: day(7),
  endDate: day(8),
  dailyStart: '09:00',
  dailyEnd: '21:00',
  accommodation: { name: 'Hotel near City Hall', lat: 37.5658, lng: 126.9751 },
  transport: { mode: 'transit' },
  members: [
    { name: 'Minji', age: 38, preferences: ['history', 'food', 'markets'] },
    { name: 'Halmeoni', age: 72, health: { mobility: 'limited' }, preferences: ['palaces', 'tea'] },
    { name: 'Jun', age: 8, preferences: ['parks', 'museums'] },
  ],
  language: 'en',
};

const created = await api<{ id: string } & Record<string, unknown>>('/api/trips', {
  method: 'POST',
  body: JSON.stringify(trip),
});
if (created.status !== 201) {
  console.error('Creating the trip failed:', created.status, created.body);
  process.exit(1);
}
console.log(
  `Trip ${created.body.id}: ${trip.name}, ${trip.startDate} → ${trip.endDate}, ${trip.members.length} travellers`,
);
const job = await api<{ jobId: string }>(`/api/trips/${created.body.id}/itinerary-jobs`, { method: 'POST' });
if (job.status !== 202) {
  console.error('Starting the job failed:', job.status, job.body);
  process.exit(1);
}
process.stdout.write(`Job ${job.body.jobId}: `);

let status: { status: string; step: string; progress: number; error?: { code: string; message: string } };
for (;;) {
  const read = await api<typeof status>(`/api/jobs/${job.body.jobId}`);
  if (read.status !== 200) {
    console.error('Reading the job failed:', read.status, read.body);
    process.exit(1);
  }
  status = read.body;
  process.stdout.write(`${status.step} ${status.progress}% · `);
  if (status.status === 'completed' || status.status === 'failed') break;
  await new Promise((r) => setTimeout(r, 500));
}
console.log(status.status);
if (status.status === 'failed') {
  console.error(`Generation failed: ${status.error?.code}: ${status.error?.message}`);
  process.exit(1);
}

interface Item {
  kind: string;
  start: string;
  end: string;
  meal?: string;
  reason?: string;
  warnings?: string[];
  place?: { name: string; category: string; rating?: number; openingHours?: unknown };
  travel?: { mode: string; distanceMeters: number; durationSeconds: number; estimated: boolean };
}
const { body: itinerary } = await api<{
  days: { date: string; items: Item[] }[];
  warnings: { code: string; message: string }[];
  dropped: { name?: string; reason: string }[];
  notice?: string;
}>(`/api/trips/${created.body.id}/itinerary`);

if (itinerary.notice) console.log(`\n⚠ ${itinerary.notice}`);
for (const d of itinerary.days) {
  const weekday = new Date(`${d.date}T00:00:00Z`).toLocaleDateString('en', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  console.log(`\n${weekday} ${d.date}`);
  for (const item of d.items) {
    const time = `${item.start}–${item.end}`;
    if (item.kind === 'travel' && item.travel) {
      const km = (item.travel.distanceMeters / 1000).toFixed(1);
      console.log(
        `  ${time}   ↓ ${item.travel.mode} ${km} km, ${Math.round(item.travel.durationSeconds / 60)} min${item.travel.estimated ? ' (estimated)' : ''}`,
      );
    } else if (item.kind === 'meal') {
      console.log(`  ${time}  🍽 ${item.meal ?? 'meal'} at ${item.place?.name ?? '?'}`);
      if (item.reason) console.log(`               ${item.reason}`);
      for (const note of item.warnings ?? []) console.log(`               ! ${note}`);
    } else if (item.kind === 'rest') {
      console.log(`  ${time}   · ${item.reason ?? 'rest'}`);
    } else {
      const hours = item.place?.openingHours ? '' : '  (opening hours unknown — check before going)';
      console.log(
        `  ${time}  ● ${item.place?.name} [${item.place?.category}]${item.place?.rating ? ` ★${item.place.rating}` : ''}${hours}`,
      );
      if (item.reason) console.log(`               ${item.reason}`);
      for (const note of item.warnings ?? []) console.log(`               ! ${note}`);
    }
  }
}
if (itinerary.warnings.length) {
  console.log('\nWarnings:');
  for (const w of itinerary.warnings) console.log(`  - ${w.message}`);
}
if (itinerary.dropped.length) {
  console.log('\nNot in the plan:');
  for (const d of itinerary.dropped.slice(0, 8)) console.log(`  - ${d.name}: ${d.reason}`);
}

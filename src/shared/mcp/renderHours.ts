import type { OpeningHours } from '../domain/place.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekly periods as text, one line per day; closed days and unknown hours said plainly. */
export function renderHours(hours: OpeningHours | undefined): string {
  if (!hours) return 'Opening hours: unknown';
  const lines = DAYS.map((name, day) => {
    const periods = hours.periods.filter((p) => p.day === day);
    return `${name}: ${periods.length ? periods.map((p) => `${p.open}–${p.close}`).join(', ') : 'closed'}`;
  });
  return `Opening hours${hours.source ? ` (from ${hours.source})` : ''}:\n  ${lines.join('\n  ')}`;
}

/** Minutes since local midnight from `HH:MM` (`24:00` → 1440). */
export function parseHhmm(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`expected HH:MM, got ${JSON.stringify(value)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM` for minutes since midnight; values past midnight keep counting (`25:30`) rather than wrap. */
export function formatHhmm(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  return `${String(hours).padStart(2, '0')}:${String(whole - hours * 60).padStart(2, '0')}`;
}

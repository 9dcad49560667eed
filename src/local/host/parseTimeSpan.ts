/**
 * Parse a .NET TimeSpan string as host.json uses them (`hh:mm:ss`, `d.hh:mm:ss`, `hh:mm:ss.fff`)
 * into milliseconds. A bare number is taken as milliseconds, which older host.json queue settings used.
 */
export function parseTimeSpan(value: unknown, setting: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(value.trim());
    if (match) {
      const [, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
      const ms = Number(`0.${fraction || '0'}`) * 1000;
      return (
        ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 +
        Number(seconds) * 1000 +
        Math.round(ms)
      );
    }
  }
  throw new Error(`host.json: "${setting}" is not a TimeSpan (hh:mm:ss): ${JSON.stringify(value)}`);
}

/**
 * Seconds in a protobuf Duration as Google's JSON writes it ("1485s", "3.5s", "0s").
 * `undefined` when it is not one.
 */
export function parseGoogleDuration(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

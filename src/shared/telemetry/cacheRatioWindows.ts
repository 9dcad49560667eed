const WINDOW_MS = 60_000;

interface Window {
  service: string;
  cache_type: string;
  startedAt: number;
  hits: number;
  lookups: number;
}

const windows = new Map<string, Window>();

/** Count one lookup in the current one-minute window of its service and cache type. */
export function countLookup(
  dims: { service: string; cache_type: string },
  hit: boolean,
  now = Date.now(),
): void {
  const id = `${dims.service}\n${dims.cache_type}`;
  let window = windows.get(id);
  if (!window || now - window.startedAt >= WINDOW_MS) {
    window = { ...dims, startedAt: now, hits: 0, lookups: 0 };
    windows.set(id, window);
  }
  window.lookups++;
  if (hit) window.hits++;
}

/**
 * Hit ratio per service and cache type over the current window (or the one just ended), read when
 * metrics are collected: computing it there, not on every lookup, keeps the cache path cheap.
 */
export function currentRatios(
  now = Date.now(),
): { ratio: number; dims: { service: string; cache_type: string } }[] {
  return [...windows.values()]
    .filter((w) => now - w.startedAt < 2 * WINDOW_MS && w.lookups > 0)
    .map((w) => ({ ratio: w.hits / w.lookups, dims: { service: w.service, cache_type: w.cache_type } }));
}

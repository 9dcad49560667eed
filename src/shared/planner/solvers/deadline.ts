/**
 * A wall-clock budget. Without a limit it never reads the clock, so solvers stay pure and
 * deterministic unless a caller (the benchmark) asks for a time cap.
 */
export function deadline(limitMs: number | undefined): () => boolean {
  if (limitMs === undefined) return () => false;
  const end = Date.now() + limitMs;
  return () => Date.now() >= end;
}

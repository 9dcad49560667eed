import { readFileSync } from 'node:fs';

/** An OPTW instance (KU Leuven format) with integer travel times scaled by `scale`. */
export interface OptwInstance {
  readonly name: string;
  /** 10 for Solomon (distances rounded down to 0.1), 100 for Cordeau (to 0.01). */
  readonly scale: number;
  readonly matrix: number[][];
  readonly windows: [number, number][];
  readonly service: number[];
  readonly scores: number[];
}

/**
 * Parse an instance and build the README's travel convention in exact integers: distance =
 * floor(scale · euclid), and windows/service times multiplied by `scale`.
 */
export function readOptwInstance(path: string, name: string, scale: number): OptwInstance {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const customers = Number(lines[0]!.split(/\s+/)[2]);
  const nodes = lines.slice(2, 2 + customers + 1).map((line) => line.split(/\s+/).map(Number));
  const xs = nodes.map((f) => f[1]!);
  const ys = nodes.map((f) => f[2]!);
  const matrix = nodes.map((_, i) =>
    nodes.map((__, j) =>
      i === j ? 0 : Math.floor(scale * Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!) + 1e-9),
    ),
  );
  return {
    name,
    scale,
    matrix,
    windows: nodes.map(
      (f) => [Math.round(f.at(-2)! * scale), Math.round(f.at(-1)! * scale)] as [number, number],
    ),
    service: nodes.map((f) => Math.round(f[3]! * scale)),
    scores: nodes.map((f) => f[4]!),
  };
}

/** Independent check of one tour by the README's rules. */
export function evaluateOptwTour(
  instance: OptwInstance,
  route: readonly number[],
): { feasible: boolean; score: number } {
  const seen = new Set<number>();
  let feasible = true;
  let time = instance.windows[0]![0];
  let previous = 0;
  let score = 0;
  for (const node of route) {
    if (node <= 0 || node >= instance.matrix.length || seen.has(node)) feasible = false;
    seen.add(node);
    time = Math.max(time + instance.matrix[previous]![node]!, instance.windows[node]![0]);
    if (time > instance.windows[node]![1]) feasible = false;
    score += instance.scores[node]!;
    time += instance.service[node]!;
    previous = node;
  }
  if (time + instance.matrix[previous]![0]! > instance.windows[0]![1]) feasible = false;
  return { feasible, score };
}

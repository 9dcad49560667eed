import { readFileSync } from 'node:fs';

/** A TSPTW instance in the LKH-3 format (node 1 of the file = index 0 here = the depot). */
export interface TsptwInstance {
  readonly name: string;
  readonly matrix: number[][];
  readonly windows: [number, number][];
}

/** Parse a `.tsptw` file: FULL_MATRIX edge weights, then `node earliest latest` lines. */
export function readTsptwInstance(path: string): TsptwInstance {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let name = '';
  let dimension = 0;
  let section: 'none' | 'weights' | 'windows' = 'none';
  const weights: number[] = [];
  const windows: [number, number][] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const header = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (header) {
      if (header[1] === 'NAME') name = header[2]!.trim();
      if (header[1] === 'DIMENSION') dimension = Number(header[2]);
      continue;
    }
    if (line === 'EDGE_WEIGHT_SECTION') section = 'weights';
    else if (line === 'TIME_WINDOW_SECTION') section = 'windows';
    else if (line === 'DEPOT_SECTION') section = 'none';
    else if (section === 'weights') weights.push(...line.split(/\s+/).map(Number));
    else if (section === 'windows') {
      const [, earliest, latest] = line.split(/\s+/).map(Number);
      windows.push([earliest!, latest!]);
    }
  }
  if (weights.length !== dimension * dimension || windows.length !== dimension) {
    throw new Error(`${path}: expected ${dimension}² weights and ${dimension} windows`);
  }
  const matrix = Array.from({ length: dimension }, (_, i) =>
    weights.slice(i * dimension, (i + 1) * dimension),
  );
  return { name, matrix, windows };
}

/** Independent check of a closed tour by the README's rules; `undefined` cost when infeasible. */
export function evaluateTsptwTour(
  instance: TsptwInstance,
  route: readonly number[],
): { feasible: boolean; distance: number } {
  const size = instance.matrix.length;
  const seen = new Set(route);
  if (route.length !== size - 1 || seen.size !== size - 1 || route.some((n) => n < 1 || n >= size)) {
    return { feasible: false, distance: NaN };
  }
  let time = instance.windows[0]![0];
  let distance = 0;
  let feasible = true;
  let previous = 0;
  for (const node of [...route, 0]) {
    const arc = instance.matrix[previous]![node]!;
    time += arc;
    distance += arc;
    if (node !== 0) time = Math.max(time, instance.windows[node]![0]);
    if (time > instance.windows[node]![1]) feasible = false;
    previous = node;
  }
  return { feasible, distance };
}

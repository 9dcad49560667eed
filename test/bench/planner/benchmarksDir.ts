import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared benchmark folder: `BENCHMARKS_DIR` when set, else `../shared/benchmarks` next to the
 * repository root (this file sits three folders below the root).
 */
export function benchmarksDir(): string {
  const fromEnv = process.env.BENCHMARKS_DIR;
  if (fromEnv) return resolve(fromEnv);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const candidate = resolve(repoRoot, '../shared/benchmarks');
  if (!existsSync(candidate)) throw new Error(`benchmarks not found at ${candidate}; set BENCHMARKS_DIR`);
  return candidate;
}

import { readFile } from 'node:fs/promises';

import type { SandboxCity } from './buildDataset.js';
import { parseNameSource } from './parseNameSource.js';
import { parsePlaceSource, type PlaceSourceRow } from './parsePlaceSource.js';

export const SANDBOX_CITIES: readonly SandboxCity[] = ['seoul', 'busan', 'jeju', 'tokyo'];

/**
 * Read and parse `sources/<city>.txt` for every city, in dataset order, with the localized names of
 * `sources/names.txt` merged into their rows (a name for an unknown place throws).
 */
export async function readPlaceSources(): Promise<Array<{ city: SandboxCity; rows: PlaceSourceRow[] }>> {
  const read = (file: string) => readFile(new URL(`./${file}`, import.meta.url), 'utf8');
  const names = parseNameSource('sources/names.txt', await read('sources/names.txt'));
  const sources = await Promise.all(
    SANDBOX_CITIES.map(async (city) => {
      const file = `sources/${city}.txt`;
      return { city, rows: parsePlaceSource(file, await read(file)) };
    }),
  );
  const known = new Set(sources.flatMap(({ rows }) => rows.map((row) => row.kakaoId)));
  for (const id of names.keys()) if (!known.has(id)) throw new Error(`sources/names.txt: no place ${id}`);
  return sources.map(({ city, rows }) => ({
    city,
    rows: rows.map((row) => (names.has(row.kakaoId) ? { ...row, localizedNames: names.get(row.kakaoId) } : row)),
  }));
}

import { readFile } from 'node:fs/promises';

import type { SandboxCity } from './buildDataset.js';
import { parsePlaceSource, type PlaceSourceRow } from './parsePlaceSource.js';

export const SANDBOX_CITIES: readonly SandboxCity[] = ['seoul', 'busan', 'jeju', 'tokyo'];

/** Read and parse `sources/<city>.txt` for every city, in dataset order. */
export async function readPlaceSources(): Promise<Array<{ city: SandboxCity; rows: PlaceSourceRow[] }>> {
  return Promise.all(
    SANDBOX_CITIES.map(async (city) => {
      const file = `sources/${city}.txt`;
      const text = await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
      return { city, rows: parsePlaceSource(file, text) };
    }),
  );
}

/**
 * Regenerate `places.json` from `sources/*.txt`:
 *   npx tsx src/local/sandbox/data/generateDataset.ts
 * The JSON is committed; a test fails when it is out of date with the sources.
 */
import { writeFile } from 'node:fs/promises';

import { buildDataset } from './buildDataset.js';
import { formatDatasetJson } from './formatDatasetJson.js';
import { readPlaceSources } from './readPlaceSources.js';

const dataset = buildDataset(await readPlaceSources());
await writeFile(new URL('./places.json', import.meta.url), await formatDatasetJson(dataset));
console.log(`wrote ${dataset.places.length} places to src/local/sandbox/data/places.json`);

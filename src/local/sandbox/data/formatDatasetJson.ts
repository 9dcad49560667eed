import { format } from 'prettier';

import type { SandboxDatasetFile } from '../dataset/SandboxPlace.js';

/** The dataset as the committed file holds it: JSON formatted the way the repo's Prettier would. */
export async function formatDatasetJson(dataset: SandboxDatasetFile): Promise<string> {
  return format(JSON.stringify(dataset), { parser: 'json', printWidth: 110 });
}

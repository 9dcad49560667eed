import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BicepFile } from './bicepFile.js';

/** Repository root (this file is test/unit/infra/support/infraFiles.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const bicepRoot = join(repoRoot, 'infra/bicep');

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

export function repoFileExists(path: string): boolean {
  return existsSync(join(repoRoot, path));
}

const parsed = new Map<string, BicepFile>();

/** A parsed Bicep file by repository-relative path, e.g. `infra/bicep/modules/functionApp.bicep`. */
export function bicep(path: string): BicepFile {
  let file = parsed.get(path);
  if (!file) {
    file = new BicepFile(path, readRepoFile(path));
    parsed.set(path, file);
  }
  return file;
}

/** Every Bicep file under infra/bicep, parsed. */
export function allBicepFiles(): BicepFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.bicep')
          ? [join(dir, entry.name)]
          : [],
    );
  return walk(bicepRoot)
    .sort()
    .map((file) => bicep(relative(repoRoot, file)));
}

/**
 * Rows (cells with backticks stripped) of the markdown table between `<!-- {marker}:start -->` and
 * `<!-- {marker}:end -->` in docs/deploy.md, header and separator rows left out.
 */
export function documentedTable(marker: string): string[][] {
  const doc = readRepoFile('docs/deploy.md');
  const start = doc.indexOf(`<!-- ${marker}:start -->`);
  const end = doc.indexOf(`<!-- ${marker}:end -->`);
  if (start < 0 || end < start) throw new Error(`docs/deploy.md has no ${marker} section`);
  return doc
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/`/g, '')),
    );
}

/** First-column names of a documented table (see `documentedTable`). */
export function documentedNames(marker: string): string[] {
  return documentedTable(marker).map((row) => row[0]!);
}

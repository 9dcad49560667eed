/**
 * Lays out the Function App package the way `azd deploy` builds it, in a folder of its own: every file of
 * the repository that `.funcignore` does not exclude (gitignore syntax, as azd reads it), with node_modules
 * from `npm ci --omit=dev` — the command azure.yaml's prepackage hook runs before azd zips the project.
 * test/unit/infra/deployPackage.test.ts lists the result; to look at a package by hand:
 *
 *   npm run build && npx tsx scripts/stageDeployPackage.ts /tmp/tripgen-package
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import ignore from 'ignore';

export interface StageOptions {
  /** Compiled app to package as `dist/` instead of `<root>/dist` (tests compile into a folder of their own). */
  distDir?: string;
}

/** Copies the deployable files of `root` into `outDir` and installs production dependencies there. */
export function stageDeployPackage(root: string, outDir: string, options: StageOptions = {}): void {
  const dist = options.distDir ?? path.join(root, 'dist');
  if (!existsSync(dist)) throw new Error(`no ${dist}: run \`npm run build\` first`);
  const excluded = ignore().add(readFileSync(path.join(root, '.funcignore'), 'utf8'));
  const isExcluded = (relative: string, directory: boolean) =>
    excluded.ignores(directory ? `${relative}/` : relative);

  /** Copies `from` (a folder) to `<outDir>/<relative>`, leaving out what .funcignore excludes. */
  const copy = (from: string, relative: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      // node_modules comes from `npm ci --omit=dev` below, never from the developer's tree; dist from `dist`.
      if (['node_modules', '.git', 'dist'].includes(child)) continue;
      if (isExcluded(child, entry.isDirectory())) continue;
      if (entry.isDirectory()) copy(path.join(from, entry.name), child);
      else {
        mkdirSync(path.join(outDir, relative), { recursive: true });
        cpSync(path.join(from, entry.name), path.join(outDir, child));
      }
    }
  };
  mkdirSync(outDir, { recursive: true });
  copy(root, '');
  if (!isExcluded('dist', true)) copyDist(dist, 'dist');

  function copyDist(from: string, relative: string): void {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (isExcluded(child, entry.isDirectory())) continue;
      if (entry.isDirectory()) copyDist(path.join(from, entry.name), child);
      else {
        mkdirSync(path.join(outDir, relative), { recursive: true });
        cpSync(path.join(from, entry.name), path.join(outDir, child));
      }
    }
  }

  // npm ci needs the lock file, which the zip itself leaves out (.funcignore): in the project folder too,
  // the hook installs with it and azd zips without it.
  const lockFile = path.join(outDir, 'package-lock.json');
  const lockExcluded = !existsSync(lockFile);
  if (lockExcluded) cpSync(path.join(root, 'package-lock.json'), lockFile);
  execFileSync(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    {
      cwd: outDir,
      stdio: 'pipe',
    },
  );
  if (lockExcluded) rmSync(lockFile);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: tsx scripts/stageDeployPackage.ts <out-dir>');
  stageDeployPackage(path.resolve(import.meta.dirname, '..'), path.resolve(outDir));
  console.log(readdirSync(outDir).sort().join('\n'));
}

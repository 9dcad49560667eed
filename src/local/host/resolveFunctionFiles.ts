import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The files a `main` entry names, relative to `cwd`. The Functions worker accepts a glob there
 * (`dist/src/functions/*.js`). Node 20 has no `fs.glob` (it arrived in Node 22) and this project adds
 * no glob package for one call, so only what `main` needs is supported: `*` inside the last path
 * segment. Results are sorted so the registration order is stable.
 */
export function resolveFunctionFiles(mainPattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, mainPattern);
  const dir = path.dirname(absolute);
  const base = path.basename(absolute);
  if (dir.includes('*'))
    throw new Error(`main "${mainPattern}": only "*" in the file name is supported, not in folders`);
  if (!base.includes('*')) {
    if (!existsSync(absolute))
      throw new Error(`main "${mainPattern}": ${absolute} does not exist (did the build run?)`);
    return [absolute];
  }
  const pattern = new RegExp(`^${base.split('*').map(escapeRegExp).join('[^/]*')}$`);
  const files = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && pattern.test(entry.name))
        .map((entry) => path.join(dir, entry.name))
        .sort()
    : [];
  if (files.length === 0)
    throw new Error(`main "${mainPattern}" matches no files in ${dir} (did the build run?)`);
  return files;
}

/** The `main` field of `<cwd>/package.json`, which tells the worker where the function files are. */
export function readPackageMain(cwd: string): string {
  const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { main?: unknown };
  if (typeof pkg.main !== 'string' || pkg.main === '') throw new Error(`${cwd}/package.json has no "main"`);
  return pkg.main;
}

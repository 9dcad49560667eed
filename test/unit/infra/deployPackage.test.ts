import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stageDeployPackage } from '../../../scripts/stageDeployPackage.js';
import { readRepoFile, repoRoot } from './support/infraFiles.js';

const pkg = JSON.parse(readRepoFile('package.json')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Top-level packages of the lock file: which are installed for production, which for development only. */
const lock = JSON.parse(readRepoFile('package-lock.json')) as {
  packages: Record<string, { dev?: boolean; optional?: boolean; peer?: boolean }>;
};
const topLevel = Object.entries(lock.packages)
  .filter(([key]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key))
  .map(([key, entry]) => ({ name: key.slice('node_modules/'.length), ...entry }));

/**
 * The Function App package as azd builds it (.funcignore + `npm ci --omit=dev`, the prepackage hook),
 * staged by scripts/stageDeployPackage.ts from the app compiled into a folder of the test's own (so that a
 * parallel `npm run build` cannot interfere). Slow (tsc, and a real `npm ci` from the npm cache), so it
 * runs once for the whole file.
 */
describe('the deployed package', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'tripgen-package-'));
  const staged = path.join(work, 'package');
  beforeAll(() => {
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', path.join(work, 'dist')], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    stageDeployPackage(repoRoot, staged, { distDir: path.join(work, 'dist') });
  }, 600_000);
  // Removing a production node_modules tree takes a while on a busy machine.
  afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

  it('holds only the compiled app, host.json, package.json and node_modules at the top', () => {
    expect(readdirSync(staged).sort()).toEqual(['dist', 'host.json', 'node_modules', 'package.json']);
    expect(readdirSync(path.join(staged, 'dist'))).toEqual(['src']);
    expect(readdirSync(path.join(staged, 'dist/src')).sort()).toEqual(['functions', 'shared']);
    // package.json's main glob finds the function files in the package.
    expect(pkg.main).toBe('dist/src/functions/*.js');
    expect(readdirSync(path.join(staged, 'dist/src/functions')).filter((f) => f.endsWith('.js')).length).toBe(
      readdirSync(path.join(repoRoot, 'src/functions')).filter((f) => f.endsWith('.ts')).length,
    );
    expect(readdirSync(path.join(staged, 'dist/src/functions')).filter((f) => !f.endsWith('.js'))).toEqual(
      [],
    );
  });

  it('carries every production dependency and nothing installed only for development', () => {
    const present = (name: string) => existsSync(path.join(staged, 'node_modules', name, 'package.json'));
    expect(Object.keys(pkg.dependencies).filter((name) => !present(name))).toEqual([]);
    const devOnly = topLevel.filter((p) => p.dev).map((p) => p.name);
    expect(devOnly).toEqual(
      expect.arrayContaining(['vitest', 'typescript', 'eslint', 'azurite', 'prettier']),
    );
    expect(devOnly.filter(present)).toEqual([]);
    const production = topLevel.filter((p) => !p.dev && !p.optional && !p.peer).map((p) => p.name);
    expect(production.filter((name) => !present(name))).toEqual([]);
  });

  it('is built by azd with the prepackage hook, and the developer tree comes back after deploy', () => {
    const azure = readRepoFile('azure.yaml');
    expect(azure).toMatch(/ {4}hooks:\n(.*\n)*? {6}prepackage:\n {8}shell: sh\n {8}run: npm ci --omit=dev\b/);
    expect(azure).toMatch(/ {6}postdeploy:\n {8}shell: sh\n {8}run: npm ci\b/);
  });
});

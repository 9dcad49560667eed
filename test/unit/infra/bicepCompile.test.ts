import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { bicepCommand, describeDiagnostics, requireBicep, runBicep } from './support/bicepCli.js';
import { allBicepFiles, repoRoot } from './support/infraFiles.js';

/**
 * The real Bicep compiler and linter over infra/bicep: no error, and no warning unless it is suppressed
 * (`#disable-next-line <rule>`) with a `//` comment right above saying why. Needs the Bicep CLI
 * (.ci/install-bicep); under CI=true its absence fails, elsewhere these tests skip with a notice.
 */
describe.runIf(requireBicep)('Bicep CLI in CI', () => {
  it('is installed', () => {
    expect(
      bicepCommand,
      'run `bash .ci/install-bicep` (NuGet package Azure.Bicep.CommandLine.linux-x64)',
    ).toBeDefined();
  });
});

describe.skipIf(!bicepCommand)('bicep build and bicep lint', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bicep-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const files = allBicepFiles().map((file) => file.path);

  it('builds main.bicep and every module with no error and no warning', () => {
    const run = runBicep(['build', '--pattern', 'infra/bicep/**/*.bicep', '--outdir', scratch]);
    expect(run.otherOutput).toEqual([]);
    expect(describeDiagnostics(run.diagnostics)).toBe('');
    expect(run.status).toBe(0);
    expect(files.length).toBeGreaterThan(5);
  });

  it('lints main.bicep and every module with no error and no warning', () => {
    const run = runBicep(['lint', '--pattern', 'infra/bicep/**/*.bicep']);
    expect(run.otherOutput).toEqual([]);
    expect(describeDiagnostics(run.diagnostics)).toBe('');
    expect(run.status).toBe(0);
  });

  it('gives every suppressed diagnostic a written reason on the line above', () => {
    const unexplained = allBicepFiles().flatMap((file) =>
      file.source
        .split('\n')
        .flatMap((line, i, lines) =>
          /^\s*#disable-(next-line|diagnostics)/.test(line) && !/^\s*\/\/\s*\S{3,}/.test(lines[i - 1] ?? '')
            ? [`${file.path}:${i + 1}`]
            : [],
        ),
    );
    expect(unexplained).toEqual([]);
  });

  // The checks above can fail: the compiler rejects the mistake this repository once shipped (BCP178, a
  // loop over values only known during the deployment) and the linter reports an unused parameter.
  it('fails on a known-bad template (BCP178) and reports a linter warning', () => {
    const bad = join(scratch, 'bad.bicep');
    writeFileSync(
      bad,
      [
        "param unused string = 'x'",
        "resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = { name: 'st' }",
        "var settings = { KEY: account.listKeys().keys[0].value, OTHER: 'b' }",
        'output names array = [for s in items(settings): s.key]',
        '',
      ].join('\n'),
    );
    const build = runBicep(['build', relative(repoRoot, bad), '--stdout']);
    expect(build.status).not.toBe(0);
    expect(build.diagnostics.map((d) => `${d.level} ${d.code}`)).toContain('Error BCP178');

    const lint = runBicep(['lint', relative(repoRoot, bad)]);
    expect(lint.diagnostics.map((d) => `${d.level} ${d.code}`)).toContain('Warning no-unused-params');
  });
});

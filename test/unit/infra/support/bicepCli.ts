import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './infraFiles.js';

/** One compiler or linter finding, as `bicep build`/`bicep lint` print it on stderr. */
export interface BicepDiagnostic {
  file: string;
  line: number;
  column: number;
  level: 'Error' | 'Warning' | 'Info';
  code: string;
  message: string;
}

export interface BicepRun {
  status: number | null;
  stdout: string;
  diagnostics: BicepDiagnostic[];
  /** stderr lines that are not diagnostics (crashes, usage errors). */
  otherOutput: string[];
}

/**
 * The Bicep CLI as a command line: `BICEP_BIN` (set by .ci/run), the copy .ci/install-bicep restores from
 * NuGet into .tools/, a `bicep` on PATH, or `az bicep`. Undefined when none is there.
 */
function locateBicep(): string[] | undefined {
  if (process.env.BICEP_BIN && existsSync(process.env.BICEP_BIN)) return [process.env.BICEP_BIN];
  const restored = join(repoRoot, '.tools/nuget/azure.bicep.commandline.linux-x64');
  if (existsSync(restored)) {
    for (const version of readdirSync(restored).sort().reverse()) {
      const bin = join(restored, version, 'tools/bicep');
      if (existsSync(bin)) return [bin];
    }
  }
  if (spawnSync('bicep', ['--version']).status === 0) return ['bicep'];
  if (spawnSync('az', ['bicep', 'version']).status === 0) return ['az', 'bicep'];
  return undefined;
}

export const bicepCommand = locateBicep();

/**
 * Whether the infra compile tests can run. Under CI=true a missing compiler is a failure (the tests
 * assert it is present); elsewhere they skip, and say so on stderr so the skip is never silent.
 */
export const requireBicep = process.env.CI === 'true';
if (!bicepCommand && !requireBicep)
  console.warn(
    '\n*** SKIPPED: Bicep compile/lint tests — no Bicep CLI found. Run `bash .ci/install-bicep` (NuGet) ***\n',
  );

const DIAGNOSTIC = /^(.*)\((\d+),(\d+)\) : (Error|Warning|Info) ([^:]+): (.*)$/;

/** Runs the Bicep CLI with `args` from the repository root and parses its diagnostics. */
export function runBicep(args: readonly string[]): BicepRun {
  if (!bicepCommand) throw new Error('No Bicep CLI: run `bash .ci/install-bicep`');
  const [command, ...prefix] = bicepCommand;
  const result = spawnSync(command!, [...prefix, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const diagnostics: BicepDiagnostic[] = [];
  const otherOutput: string[] = [];
  for (const line of result.stderr.split('\n').filter((l) => l.trim() !== '')) {
    const match = DIAGNOSTIC.exec(line.trim());
    if (!match) {
      otherOutput.push(line);
      continue;
    }
    const [, file, row, column, level, code, message] = match;
    diagnostics.push({
      file: file!,
      line: Number(row),
      column: Number(column),
      level: level as BicepDiagnostic['level'],
      code: code!,
      message: message!,
    });
  }
  return { status: result.status, stdout: result.stdout, diagnostics, otherOutput };
}

/** `file(line,col) : Level CODE: message`, for assertion messages. */
export function describeDiagnostics(diagnostics: readonly BicepDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}(${d.line},${d.column}) ${d.level} ${d.code}: ${d.message}`)
    .join('\n');
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { wantsLocalEmulator } from '../../../src/local/host/ensureLocalStorage.js';
import { loadLocalSettings } from '../../../src/local/host/loadLocalSettings.js';
import { readPackageMain, resolveFunctionFiles } from '../../../src/local/host/resolveFunctionFiles.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'local-host-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('resolveFunctionFiles', () => {
  it('expands a "*" in the file name of package.json main, sorted, files only', () => {
    const functions = path.join(dir, 'dist/src/functions');
    mkdirSync(path.join(functions, 'nested.js'), { recursive: true });
    for (const name of ['trips.js', 'health.js', 'health.js.map', 'notes.txt'])
      writeFileSync(path.join(functions, name), '');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main: 'dist/src/functions/*.js' }));

    expect(resolveFunctionFiles(readPackageMain(dir), dir)).toEqual([
      path.join(functions, 'health.js'),
      path.join(functions, 'trips.js'),
    ]);
  });

  it('accepts a single file and explains a missing build', () => {
    writeFileSync(path.join(dir, 'index.js'), '');
    expect(resolveFunctionFiles('index.js', dir)).toEqual([path.join(dir, 'index.js')]);
    expect(() => resolveFunctionFiles('dist/src/functions/*.js', dir)).toThrow(
      /matches no files .* \(did the build run\?\)/,
    );
    expect(() => resolveFunctionFiles('dist/*/functions/*.js', dir)).toThrow(/only "\*" in the file name/);
  });
});

describe('loadLocalSettings', () => {
  it('copies Values into the environment without overriding what is set', () => {
    writeFileSync(
      path.join(dir, 'local.settings.json'),
      JSON.stringify({
        IsEncrypted: false,
        Values: { A: 'from-file', B: 'from-file', N: 5 },
        Host: { LocalHttpPort: 7072 },
      }),
    );
    const env: Record<string, string | undefined> = { B: 'from-env' };
    const loaded = loadLocalSettings(dir, env);
    expect(env).toEqual({ A: 'from-file', B: 'from-env', N: '5' });
    expect(loaded).toEqual({
      file: path.join(dir, 'local.settings.json'),
      applied: ['A', 'N'],
      localHttpPort: 7072,
    });
  });

  it('falls back to local.settings.sample.json, and to nothing', () => {
    expect(loadLocalSettings(dir, {})).toEqual({ file: undefined, applied: [], localHttpPort: undefined });
    writeFileSync(
      path.join(dir, 'local.settings.sample.json'),
      JSON.stringify({ Values: { FUNCTIONS_WORKER_RUNTIME: 'node' } }),
    );
    const env: Record<string, string | undefined> = {};
    expect(loadLocalSettings(dir, env).file).toBe(path.join(dir, 'local.settings.sample.json'));
    expect(env.FUNCTIONS_WORKER_RUNTIME).toBe('node');
  });

  it('refuses an encrypted file', () => {
    writeFileSync(path.join(dir, 'local.settings.json'), JSON.stringify({ IsEncrypted: true, Values: {} }));
    expect(() => loadLocalSettings(dir, {})).toThrow(/encrypted/);
  });
});

describe('wantsLocalEmulator', () => {
  it('is true for an unset setting, the dev shortcut and loopback Azurite ports only', () => {
    expect(wantsLocalEmulator({})).toBe(true);
    expect(wantsLocalEmulator({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' })).toBe(true);
    expect(
      wantsLocalEmulator({
        AzureWebJobsStorage:
          'DefaultEndpointsProtocol=http;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1',
      }),
    ).toBe(true);
    expect(
      wantsLocalEmulator({
        AzureWebJobsStorage:
          'DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=x;EndpointSuffix=core.windows.net',
      }),
    ).toBe(false);
    expect(
      wantsLocalEmulator({
        AzureWebJobsStorage:
          'DefaultEndpointsProtocol=http;QueueEndpoint=http://127.0.0.1:41234/devstoreaccount1',
      }),
    ).toBe(false);
    expect(wantsLocalEmulator({ AzureWebJobsStorage__accountName: 'prod' })).toBe(false);
  });
});

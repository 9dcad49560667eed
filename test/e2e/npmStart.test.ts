import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { freePort } from '../../src/local/services/freePort.js';
import { API_OPERATIONS } from '../../src/shared/openapi/apiContract.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };

/** Every function name the function files register (the Service Bus dead-letter trigger only exists with Service Bus). */
function registeredNames(): string[] {
  const names: string[] = [];
  for (const file of readdirSync(path.join(ROOT, 'src/functions')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(ROOT, 'src/functions', file), 'utf8');
    for (const m of text.matchAll(/app\.(?:http|timer|storageQueue|serviceBusQueue)\('([^']+)'/g))
      names.push(m[1]!);
  }
  return [...new Set(names)].filter((n) => n !== 'itinerary-dead-letters');
}

describe('npm start: the compiled app under the local host', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  let healthyAfterMs = -1;

  beforeAll(async () => {
    // The build `npm start` runs first.
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AzureWebJobsStorage: inject('storageConnectionString'),
      PORT: String(port),
    };
    for (const key of [
      'KAKAO_REST_API_KEY',
      'GOOGLE_MAPS_API_KEY',
      'KEY_VAULT_URI',
      'ServiceBusConnection',
      'ServiceBusConnection__fullyQualifiedNamespace',
      'REDIS_URL',
    ])
      delete env[key];
    const started = Date.now();
    child = spawn(process.execPath, ['dist/src/local/start.js'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (Date.now() - started < 60_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        healthyAfterMs = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('package.json main matches every compiled function file', () => {
    expect(pkg.main).toBe('dist/src/functions/*.js');
    const compiled = readdirSync(path.join(ROOT, 'dist/src/functions')).filter((f) => f.endsWith('.js'));
    const sources = readdirSync(path.join(ROOT, 'src/functions')).filter((f) => f.endsWith('.ts'));
    expect(compiled.sort()).toEqual(sources.map((f) => f.replace(/\.ts$/, '.js')).sort());
    expect(existsSync(path.join(ROOT, 'host.json'))).toBe(true);
  });

  it('serves GET /api/health → 200 within 60 s, with the sandbox upstream', () => {
    expect(healthyAfterMs, output).toBeGreaterThanOrEqual(0);
    expect(healthyAfterMs).toBeLessThan(60_000);
    expect(output).toContain('SANDBOX upstream');
  });

  it('lists every registered function in the start-up table', () => {
    for (const name of registeredNames()) expect(output, name).toMatch(new RegExp(`\\b${name}: `));
  });

  it('every HTTP route it serves is in the OpenAPI contract, and vice versa', () => {
    const served = new Set<string>();
    for (const m of output.matchAll(/: \[([A-Z,]+)\] http:\/\/localhost:\d+\/api\/(\S+)/g)) {
      for (const method of m[1]!.split(',')) served.add(`${method.toLowerCase()} /${m[2]}`);
    }
    const documented = new Set(API_OPERATIONS.map((op) => `${op.method} ${op.path}`));
    // GET/DELETE /mcp answer 405 by design (stateless transport); only POST is an operation.
    const undocumented = [...served].filter((r) => !documented.has(r) && !/^(get|delete) \/mcp$/.test(r));
    expect(undocumented).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<string>((r) => setTimeout(() => r('timeout'), 20_000)),
    ]);
    expect(code).toBe(0);
    expect(output).toContain('Host stopped.');
  });
});

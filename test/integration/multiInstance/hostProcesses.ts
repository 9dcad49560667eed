import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** One line a host process printed, with which host and when it arrived. */
export interface HostLine {
  host: number;
  at: number;
  text: string;
}

export interface HostProcesses {
  urls: string[];
  lines: HostLine[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `count` separate local host processes — the entry `npm start` runs (src/local/start.ts, under tsx so
 * no build is needed) — each in its own Node.js process with its own AppContext, sharing only what a
 * scaled-out app shares: the settings in `env` (one Azurite, one Redis, one sandbox upstream, one
 * queue). The working directory holds a package.json whose `main` names the TypeScript function files.
 */
export async function startHostProcesses(count: number, env: Record<string, string>): Promise<HostProcesses> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'tripgen-hosts-'));
  writeFileSync(
    path.join(cwd, 'package.json'),
    JSON.stringify({ type: 'module', main: path.join(ROOT, 'src/functions/*.ts') }),
  );
  copyFileSync(path.join(ROOT, 'host.json'), path.join(cwd, 'host.json'));
  const lines: HostLine[] = [];
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let host = 0; host < count; host++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/local/start.ts'), '--port', String(port)],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) lines.push({ host, at: Date.now(), text });
      });
    }
    children.push(child);
    urls.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(urls.map(async (url, host) => waitUntilServing(url, host, children[host]!, lines)));
  return {
    urls,
    lines,
    async stop() {
      await Promise.all(
        children.map(
          async (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(url: string, host: number, child: ChildProcess, lines: HostLine[]) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      const printed = lines.filter((l) => l.host === host).map((l) => l.text);
      throw new Error(`host ${host} exited (${child.exitCode}):\n${printed.slice(-30).join('\n')}`);
    }
    const ok = await fetch(`${url}/api/health`)
      .then(() => true)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`host ${host} did not start serving ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

import { freePort, waitForPort } from './freePort.js';

export interface RedisProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Path of Debian's `redis-server` binary, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next location
    }
  }
  return undefined;
}

/** Start a throw-away `redis-server` on a free loopback port with no persistence, `allkeys-lru` as in production. */
export async function startRedis(binary: string, options: { port?: number } = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'allkeys-lru',
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port, 15_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { freePort, waitForPort } from './freePort.js';

export interface AzuriteOptions {
  /** Fixed ports (10000/10001/10002 for `npm start`); free ports are picked when omitted. */
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** Folder for Azurite's data; in-memory when omitted. */
  location?: string;
}

export interface AzuriteProcess {
  readonly connectionString: string;
  readonly ports: { blob: number; queue: number; table: number };
  stop(): Promise<void>;
}

/** Azurite's published well-known development account (not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(ports: { blob: number; queue: number; table: number }): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${AZURITE_ACCOUNT}`,
    `QueueEndpoint=http://127.0.0.1:${ports.queue}/${AZURITE_ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

/** Start Azurite from the npm package as a child process and wait until all three services listen. */
export async function startAzurite(options: Readonly<AzuriteOptions> = {}): Promise<AzuriteProcess> {
  const ports = {
    blob: options.blobPort ?? (await freePort()),
    queue: options.queuePort ?? (await freePort()),
    table: options.tablePort ?? (await freePort()),
  };
  const require = createRequire(import.meta.url);
  const entry = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/azurite.js');
  const args = [
    entry,
    '--silent',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--blobPort',
    String(ports.blob),
    '--queuePort',
    String(ports.queue),
    '--tablePort',
    String(ports.table),
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`Azurite exited early (${code}): ${stderr.slice(0, 500)}`)),
    ),
  );
  exited.catch(() => undefined);
  await Promise.race([
    Promise.all([
      waitForPort(ports.blob, 30_000),
      waitForPort(ports.queue, 30_000),
      waitForPort(ports.table, 30_000),
    ]),
    exited,
  ]);
  return {
    connectionString: azuriteConnectionString(ports),
    ports,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    },
  };
}

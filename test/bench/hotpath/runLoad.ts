import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

import type { HotPathRequest } from './rawRequest.js';

const run = promisify(execFile);
const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
/** Makes the load client report its own CPU time on exit (stderr), to show whether it was the limit. */
const REPORT_CPU =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\ncpu "+JSON.stringify(process.cpuUsage())+"\\n"))';

export interface LoadFigures {
  p50: number;
  p99: number;
  /** Requests per second (mean over the run). */
  rps: number;
  ok: number;
  failed: number;
  /**
   * CPU time this process (the server: app or bare, never the load client) spent per request, in µs:
   * steadier than throughput on a shared machine, since time spent waiting for a core is not in it.
   */
  cpuUsPerRequest: number;
  /** The load client's CPU time over the run's length: near 1 means it had a core to itself and was the limit. */
  clientCoreShare: number;
}

/**
 * One autocannon run in its own process (so the client never shares the server's event loop),
 * for `seconds` at `connections` concurrent keep-alive connections, on loopback.
 */
export async function runLoad(
  baseUrl: string,
  spec: HotPathRequest,
  connections: number,
  seconds: number,
): Promise<LoadFigures> {
  const args = [
    '--import',
    REPORT_CPU,
    AUTOCANNON_CLI,
    '--json',
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-m',
    spec.method,
  ];
  for (const [name, value] of Object.entries(spec.headers)) args.push('-H', `${name}=${value}`);
  if (spec.body) args.push('-b', spec.body);
  args.push(new URL(spec.path, baseUrl).href);
  const cpu = process.cpuUsage();
  const { stdout, stderr } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const used = process.cpuUsage(cpu);
  const client = /^cpu (\{.*\})$/m.exec(stderr);
  const clientCpu = client ? (JSON.parse(client[1]!) as { user: number; system: number }) : undefined;
  const result = JSON.parse(stdout) as {
    latency: { p50: number; p99: number };
    requests: { average: number };
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  const requests = result['2xx'] + result.non2xx;
  return {
    cpuUsPerRequest: (used.user + used.system) / Math.max(1, requests),
    clientCoreShare: clientCpu ? (clientCpu.user + clientCpu.system) / (seconds * 1e6) : NaN,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

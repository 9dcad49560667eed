import type { RunningSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { rawRequest } from './rawRequest.js';

export interface RecoveryFigures {
  /** From the end of the outage to the first successful uncached search, in seconds (undefined: none within the bound). */
  recoverySeconds?: number;
  /** Requests made during the outage, by outcome (status and problem code). */
  duringOutage: Record<string, number>;
  /** Requests after the outage that still failed, before the first success. */
  failedAfter: number;
}

const POLL_MS = 100;
const BOUND_MS = 75_000;

/**
 * Take the whole sandbox down (every upstream answers 503) for `outageMs` while uncached searches keep
 * coming (so breakers open), bring it back, then poll with new uncached searches until one is answered
 * by the upstream (200, x-cache: miss).
 */
export async function measureRecovery(
  baseUrl: string,
  token: string,
  sandbox: RunningSandbox,
  outageMs: number,
): Promise<RecoveryFigures> {
  let n = 0;
  const search = async () => {
    n++;
    const query = encodeURIComponent(`recovery probe ${Date.now()}-${n}`);
    const res = await rawRequest(baseUrl, {
      method: 'GET',
      path: `/api/places/search?query=${query}&lat=37.5665&lng=126.978`,
      headers: { authorization: `Bearer ${token}` },
    });
    const code =
      res.status === 200
        ? res.headers['x-cache']
        : (JSON.parse(res.body.toString()) as { code: string }).code;
    return { ok: res.status === 200 && res.headers['x-cache'] === 'miss', label: `${res.status} ${code}` };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const duringOutage: Record<string, number> = {};
  const fault = sandbox.faults.add({ kind: 'http_error', status: 503 });
  const outageEnds = performance.now() + outageMs;
  while (performance.now() < outageEnds) {
    const { label } = await search();
    duringOutage[label] = (duringOutage[label] ?? 0) + 1;
    await pause(POLL_MS);
  }
  sandbox.faults.remove(fault);
  const recovered = performance.now();
  let failedAfter = 0;
  while (performance.now() - recovered < BOUND_MS) {
    if ((await search()).ok) {
      return { recoverySeconds: (performance.now() - recovered) / 1000, duringOutage, failedAfter };
    }
    failedAfter++;
    await pause(POLL_MS);
  }
  return { duringOutage, failedAfter };
}

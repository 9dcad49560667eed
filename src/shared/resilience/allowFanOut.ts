import { setMaxListeners } from 'node:events';

/**
 * How many abort listeners a caller's signal may hold before Node warns of a leak. Only calls
 * running inside a bulkhead listen, so one signal holds at most 8 operations × 64 concurrent calls
 * = 512; twice that leaves room for new operations. A signal that really leaks listeners (adds them
 * and never removes them) still passes it and is still reported.
 */
export const FAN_OUT_LISTENERS = 1_024;

/**
 * Lets one caller's signal carry many concurrent upstream calls. Each call through a policy adds one
 * abort listener to the caller's signal (cockatiel's timeout derives its own controller from it) and
 * removes it when the call ends, so listeners never accumulate; but a generation job, an MCP batch
 * or the requests sharing one HTTP budget signal run more than Node's default of 10 at once, which
 * Node would report as a possible leak. (`events.getMaxListeners` rejects an AbortSignal on Node 20,
 * so the limit is set rather than read and raised.)
 */
export function allowFanOut(signal: AbortSignal): void {
  setMaxListeners(FAN_OUT_LISTENERS, signal);
}

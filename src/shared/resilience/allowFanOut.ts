import { getMaxListeners, setMaxListeners } from 'node:events';

/**
 * How many abort listeners a caller's signal may hold before Node warns of a leak: every operation's
 * bulkhead (64 concurrent calls) times the four operations one caller fans out to (search, details,
 * matrix, geocode). A signal that really leaks listeners still passes it and is still reported.
 */
export const FAN_OUT_LISTENERS = 256;

/**
 * Lets one caller's signal carry many concurrent upstream calls. Each call through a policy adds one
 * abort listener to the caller's signal (cockatiel's timeout derives its own controller from it) and
 * removes it when the call ends, so listeners never accumulate; but a generation job, an MCP batch
 * or the requests sharing one HTTP budget signal run more than Node's default of 10 at once, and
 * Node would report that legitimate fan-out as a possible leak. A limit already raised (or 0,
 * unlimited) is left as it is.
 */
export function allowFanOut(signal: AbortSignal): void {
  const max = getMaxListeners(signal);
  if (max !== 0 && max < FAN_OUT_LISTENERS) setMaxListeners(FAN_OUT_LISTENERS, signal);
}

import { CircuitState, type IDisposable } from 'cockatiel';

import { instruments } from './instruments.js';
import { consoleLogger, type Logger } from './Logger.js';
import type { UpstreamCallInfo } from './upstreamCall.js';

const NAMES = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'halfOpen',
  [CircuitState.Isolated]: 'isolated',
} as const;

/** 1 = calls are refused; the "circuit open" alert fires on this gauge. */
const LEVEL = {
  [CircuitState.Closed]: 0,
  [CircuitState.Open]: 1,
  [CircuitState.HalfOpen]: 0.5,
  [CircuitState.Isolated]: 1,
} as const;

/** The part of cockatiel's CircuitBreakerPolicy we listen to. */
export interface ObservableBreaker {
  readonly onStateChange: (listener: (state: CircuitState) => void) => IDisposable;
}

// Policies are built before any AppContext (and its logger) exists; a breaker opening must still be
// seen, so it goes to the console (and from there, like every Logger record, to OpenTelemetry logs).
let defaultLogger: Logger | undefined;

/**
 * Report every state change of a breaker: the `circuit_state` gauge (0 closed … 1 open), a
 * `circuit_state_changes` counter, and a log record at warning level (info when it closes again).
 */
export function watchCircuit(
  breaker: ObservableBreaker,
  info: UpstreamCallInfo,
  logger?: Logger,
): IDisposable {
  return breaker.onStateChange((state) => {
    const dims = { provider: info.provider, endpoint: info.operation };
    const i = instruments();
    i.circuitState.record(LEVEL[state], dims);
    i.circuitStateChanges.add(1, { ...dims, state: NAMES[state] });
    const log = logger ?? (defaultLogger ??= consoleLogger('info', { app: 'tripgen' }));
    const fields = { event: 'circuit_state_changed', ...dims, state: NAMES[state] };
    if (state === CircuitState.Closed) log.info('circuit closed', fields);
    else log.warn(`circuit ${NAMES[state]}`, fields);
  });
}

import { context, createContextKey } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

const PROBE = createContextKey('tripgen.async_context_probe');
let ready = false;

/**
 * Make the OpenTelemetry context API carry values across async calls, telemetry on or off: the
 * request's upstream budget rides on it (`requestBudget.ts`). With telemetry on, the SDK has
 * registered its `AsyncLocalStorage` context manager at start-up and that one is kept; otherwise the
 * same manager is registered here, on first use. One `AsyncLocalStorage` for the budget and the
 * traces: on Node 20 each one in use runs a hook on every promise the process creates.
 */
export function ensureAsyncContext(): void {
  if (ready) return;
  if (!carriesValues()) context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // A manager that carries nothing and cannot be replaced would switch the request budget off unseen.
  if (!carriesValues())
    throw new Error('The registered OpenTelemetry context manager does not carry context values.');
  ready = true;
}

function carriesValues(): boolean {
  return (
    context.with(context.active().setValue(PROBE, true), () => context.active().getValue(PROBE)) === true
  );
}

import { context, ROOT_CONTEXT } from '@opentelemetry/api';

import type { AppContext } from './AppContext.js';
import { buildAppContext } from './buildAppContext.js';

let current: Promise<AppContext> | undefined;
/** `current`'s value once it resolved: every request after the first reads it without awaiting. */
let ready: AppContext | undefined;

/**
 * The process-wide AppContext, built on first use from `process.env` (cold start) and then shared.
 * A configuration error is kept and re-thrown to every caller so each request gets the same clear
 * problem response instead of a crash loop.
 */
export function getAppContext(): Promise<AppContext> {
  if (!current) {
    // Built outside the trace (and budget) of the invocation that happens to need it first: the
    // timers and connections made here (Key Vault and Redis token refreshes, Redis reconnects) live
    // as long as the process and would otherwise carry that one request's context for ever.
    const building = context.with(ROOT_CONTEXT, () => buildAppContext(process.env));
    current = building;
    keepWhenReady(building);
  }
  return current;
}

/** The AppContext if it is built already (undefined before, while building, or if it failed). */
export function readyAppContext(): AppContext | undefined {
  return ready;
}

function keepWhenReady(context: Promise<AppContext>): void {
  ready = undefined;
  context.then(
    (value) => {
      if (current === context) ready = value;
    },
    () => undefined,
  );
}

/** Tests and the local host: replace (or reset with `undefined`) the process-wide context. */
export function setAppContext(context: Promise<AppContext> | AppContext | undefined): void {
  current = context === undefined ? undefined : Promise.resolve(context);
  ready = undefined;
  if (current) keepWhenReady(current);
}

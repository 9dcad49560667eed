import type { AppContext } from './AppContext.js';
import { buildAppContext } from './buildAppContext.js';

let current: Promise<AppContext> | undefined;

/**
 * The process-wide AppContext, built on first use from `process.env` (cold start) and then shared.
 * A configuration error is kept and re-thrown to every caller so each request gets the same clear
 * problem response instead of a crash loop.
 */
export function getAppContext(): Promise<AppContext> {
  current ??= buildAppContext(process.env);
  return current;
}

/** Tests and the local host: replace (or reset with `undefined`) the process-wide context. */
export function setAppContext(context: Promise<AppContext> | AppContext | undefined): void {
  current = context === undefined ? undefined : Promise.resolve(context);
}

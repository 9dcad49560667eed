import { AsyncLocalStorage } from 'node:async_hooks';

import type { UpstreamBudget } from './UpstreamBudget.js';

/**
 * The budget of the request being served, carried through async calls so that the one place upstream
 * calls are made (`ProviderPolicy`) can charge it without every service passing it along. Work outside
 * a request (the worker, warmers) has no budget: it is bounded by its own limits.
 */
const storage = new AsyncLocalStorage<UpstreamBudget>();

/** Run `fn` with `budget` as the current request's budget. */
export function runWithBudget<T>(budget: UpstreamBudget, fn: () => Promise<T>): Promise<T> {
  return storage.run(budget, fn);
}

/** The current request's budget, if any. */
export function currentBudget(): UpstreamBudget | undefined {
  return storage.getStore();
}

/** Charge one upstream call to the current request (no-op outside a request). */
export async function chargeUpstreamCall(): Promise<void> {
  await storage.getStore()?.chargeCall();
}

/** Charge one matrix of `elements` cells to the current request (no-op outside a request). */
export function chargeMatrixElements(elements: number): void {
  storage.getStore()?.chargeMatrix(elements);
}

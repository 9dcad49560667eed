import { context, createContextKey } from '@opentelemetry/api';

import { ensureAsyncContext } from '../context/asyncContext.js';
import type { UpstreamBudget } from './UpstreamBudget.js';

/**
 * The budget of the request being served, carried through async calls so that the one place upstream
 * calls are made (`ProviderPolicy`) can charge it without every service passing it along. It rides on
 * the OpenTelemetry context (see `ensureAsyncContext`), which telemetry's spans use as well. Work
 * outside a request (the worker, warmers) has no budget: it is bounded by its own limits.
 */
const BUDGET = createContextKey('tripgen.upstream_budget');

/** Run `fn` with `budget` as the current request's budget. */
export function runWithBudget<T>(budget: UpstreamBudget, fn: () => Promise<T>): Promise<T> {
  ensureAsyncContext();
  return context.with(context.active().setValue(BUDGET, budget), fn);
}

/** The current request's budget, if any. */
export function currentBudget(): UpstreamBudget | undefined {
  return context.active().getValue(BUDGET) as UpstreamBudget | undefined;
}

/** Charge one upstream call to the current request (no-op outside a request). */
export async function chargeUpstreamCall(): Promise<void> {
  await currentBudget()?.chargeCall();
}

/** Charge one matrix of `elements` cells to the current request (no-op outside a request). */
export function chargeMatrixElements(elements: number): void {
  currentBudget()?.chargeMatrix(elements);
}

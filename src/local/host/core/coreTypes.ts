/**
 * The slice of the `@azure/functions-core` contract (azure-functions-nodejs-worker `types-core`) that
 * `@azure/functions` v4 calls. Declared here because the real module exists only inside the worker.
 */

/** One binding as `toCoreFunctionMetadata` records it: the trigger/input/output options plus type and direction. */
export interface CoreBindingInfo {
  type?: string;
  direction?: 'in' | 'out' | 'inout';
  dataType?: string;
  properties?: Record<string, string>;
  [option: string]: unknown;
}

export interface CoreFunctionMetadata {
  name: string;
  functionId?: string;
  bindings: Record<string, CoreBindingInfo>;
  retryOptions?: unknown;
}

/** The handler as registered: trigger input(s) first, the `InvocationContext` last. */
export type CoreFunctionCallback = (...args: unknown[]) => unknown;

export type CoreLogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';
export type CoreLogCategory = 'user' | 'system' | 'customMetric';

export type HookName = 'preInvocation' | 'postInvocation' | 'appStart' | 'appTerminate' | 'log';
export const HOOK_NAMES: readonly HookName[] = [
  'preInvocation',
  'postInvocation',
  'appStart',
  'appTerminate',
  'log',
];

/**
 * What a hook callback receives. The library wraps this object (it keeps a reference, so the
 * `inputs`, `functionCallback`, `result` and `error` it sets are read back from here).
 */
export interface CoreHookContext {
  readonly hookData: Record<string, unknown>;
  readonly appHookData: Record<string, unknown>;
  [field: string]: unknown;
}

export type CoreHookCallback = (context: CoreHookContext) => void | Promise<void>;

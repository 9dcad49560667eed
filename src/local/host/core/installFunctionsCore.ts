import Module from 'node:module';

import type {
  CoreFunctionCallback,
  CoreFunctionMetadata,
  CoreHookCallback,
  CoreLogCategory,
  CoreLogLevel,
} from './coreTypes.js';
import { Disposable } from './Disposable.js';
import { FunctionsCoreRegistry } from './FunctionsCoreRegistry.js';

export const CORE_MODULE_ID = '@azure/functions-core';

const REGISTRY_KEY = Symbol.for('tripgen.localHost.functionsCoreRegistry');

type GlobalWithRegistry = typeof globalThis & { [REGISTRY_KEY]?: FunctionsCoreRegistry };

/** The object `require('@azure/functions-core')` returns: the worker's public API, backed by `registry`. */
function toCoreApi(registry: FunctionsCoreRegistry) {
  return Object.freeze({
    version: 'local',
    hostVersion: '4.x-local',
    registerFunction: (metadata: CoreFunctionMetadata, callback: CoreFunctionCallback) =>
      registry.registerFunction(metadata, callback),
    registerHook: (hookName: string, callback: CoreHookCallback) => registry.registerHook(hookName, callback),
    setProgrammingModel: (model: unknown) => registry.setProgrammingModel(model),
    getProgrammingModel: () => registry.getProgrammingModel(),
    log: (level: CoreLogLevel, category: CoreLogCategory, message: string) =>
      registry.log(level, category, message),
    Disposable,
  });
}

/**
 * Provide the `@azure/functions-core` built-in module the way the Node.js worker does: by wrapping
 * `Module.prototype.require`, so the `require('@azure/functions-core')` inside `@azure/functions`
 * resolves to our API instead of failing into "test mode".
 *
 * Must run before the first `app.*` registration in the process: the library asks for the module
 * lazily on its first registration and caches the answer (also a failure) for the process lifetime.
 * Idempotent; returns the process-wide registry.
 */
export function installFunctionsCore(): FunctionsCoreRegistry {
  const global = globalThis as GlobalWithRegistry;
  const existing = global[REGISTRY_KEY];
  if (existing) return existing;

  const registry = new FunctionsCoreRegistry();
  const coreApi = toCoreApi(registry);
  Module.prototype.require = new Proxy(Module.prototype.require, {
    apply(target, thisArg, args: unknown[]) {
      if (args[0] === CORE_MODULE_ID) return coreApi;
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  global[REGISTRY_KEY] = registry;
  return registry;
}

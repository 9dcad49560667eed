import type {
  CoreFunctionCallback,
  CoreFunctionMetadata,
  CoreHookCallback,
  CoreLogCategory,
  CoreLogLevel,
  HookName,
} from './coreTypes.js';
import { HOOK_NAMES } from './coreTypes.js';
import { Disposable } from './Disposable.js';

/** A function as `@azure/functions` registered it, and the function file that was loading at the time. */
export interface FunctionRegistration {
  readonly metadata: CoreFunctionMetadata;
  readonly callback: CoreFunctionCallback;
  /** Absolute path of the function file being imported when `registerFunction` ran, if any. */
  readonly source: string | undefined;
}

export type CoreLogSink = (level: CoreLogLevel, category: CoreLogCategory, message: string) => void;

/**
 * The state behind the `@azure/functions-core` module: every registration, hook and the programming
 * model, for the whole process (as in the worker, where they are process-wide too). A host reads the
 * registrations that its function files made; see `loadFunctionFiles`.
 */
export class FunctionsCoreRegistry {
  readonly #registrations: FunctionRegistration[] = [];
  readonly #hooks = new Map<HookName, CoreHookCallback[]>();
  readonly #appHookData: Record<string, unknown> = {};
  #programmingModel: unknown;
  readonly #importedSources = new Set<string>();
  #currentSource: string | undefined;
  #logSink: CoreLogSink | undefined;

  registerFunction(metadata: CoreFunctionMetadata, callback: CoreFunctionCallback): Disposable {
    if (this.#registrations.some((r) => r.metadata.name.toLowerCase() === metadata.name.toLowerCase())) {
      // Function names are case-insensitive and unique per app in the real host too.
      throw new Error(`A function with the name "${metadata.name}" has already been registered.`);
    }
    const registration: FunctionRegistration = { metadata, callback, source: this.#currentSource };
    this.#registrations.push(registration);
    return new Disposable(() => {
      const index = this.#registrations.indexOf(registration);
      if (index >= 0) this.#registrations.splice(index, 1);
    });
  }

  registerHook(hookName: string, callback: CoreHookCallback): Disposable {
    const name = HOOK_NAMES.find((h) => h === hookName);
    if (!name) {
      // The worker throws a RangeError for unknown hooks; the library relies on that for `app.hook.log`.
      throw new RangeError(`Unrecognized hook "${hookName}"`);
    }
    const list = this.#hooks.get(name) ?? [];
    list.push(callback);
    this.#hooks.set(name, list);
    return new Disposable(() => {
      const index = list.indexOf(callback);
      if (index >= 0) list.splice(index, 1);
    });
  }

  hooks(name: HookName): readonly CoreHookCallback[] {
    return [...(this.#hooks.get(name) ?? [])];
  }

  /** Shared by every hook of the app (the worker's `appHookData`). */
  get appHookData(): Record<string, unknown> {
    return this.#appHookData;
  }

  setProgrammingModel(model: unknown): void {
    this.#programmingModel = model;
  }

  getProgrammingModel(): unknown {
    return this.#programmingModel;
  }

  /** System and user log lines from the library (`workerSystemLog`), routed to the host's logger. */
  log(level: CoreLogLevel, category: CoreLogCategory, message: string): void {
    if (this.#logSink) this.#logSink(level, category, message);
    else if (level === 'error' || level === 'critical' || level === 'warning') console.warn(message);
  }

  setLogSink(sink: CoreLogSink | undefined): void {
    this.#logSink = sink;
  }

  /**
   * Run `load` once per process for `source`, attributing the registrations it makes to `source`.
   * A second host in the same process gets the same registrations without re-importing: ES modules
   * are evaluated once, so their `app.*` calls never run again.
   */
  async importOnce(source: string, load: () => Promise<unknown>): Promise<void> {
    if (this.#importedSources.has(source)) return;
    const previous = this.#currentSource;
    this.#currentSource = source;
    try {
      await load();
      this.#importedSources.add(source);
    } finally {
      this.#currentSource = previous;
    }
  }

  registrations(): readonly FunctionRegistration[] {
    return [...this.#registrations];
  }
}

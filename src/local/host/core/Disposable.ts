/**
 * The `Disposable` class that `@azure/functions-core` exports: registrations return one, and
 * disposing it undoes the registration. Same contract as the worker's (async callbacks are not awaited).
 */
export class Disposable {
  #callOnDispose: (() => unknown) | undefined;

  static from(...disposableLikes: { dispose: () => unknown }[]): Disposable {
    return new Disposable(() => {
      for (const d of disposableLikes) d.dispose();
    });
  }

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): unknown {
    const call = this.#callOnDispose;
    this.#callOnDispose = undefined;
    return call?.();
  }
}

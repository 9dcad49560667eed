import { randomUUID } from 'node:crypto';

import type { TriggerMetadata } from '@azure/functions';
import type { Attributes } from '@opentelemetry/api';

import type { CoreFunctionCallback, CoreHookContext } from '../core/coreTypes.js';
import type { FunctionsCoreRegistry } from '../core/FunctionsCoreRegistry.js';
import type { FunctionDefinition } from '../FunctionDefinition.js';
import { InvocationContext } from '../functionsLibrary.js';
import type { HostLogger } from '../HostLogger.js';
import { InFlightTracker } from './InFlightTracker.js';
import { invocationLogHandler } from './invocationLogHandler.js';
import { InvocationSpan } from './invocationSpan.js';

export interface InvocationRequest {
  /** The trigger input (request, timer payload, message body). */
  readonly input: unknown;
  readonly triggerMetadata?: TriggerMetadata;
  /** Incoming W3C `traceparent` to continue, e.g. from an HTTP request header. */
  readonly traceParent?: string | null;
  /** Extra words for the one summary line, computed from the outcome (e.g. "GET /api/x → 200"). */
  readonly describe?: (outcome: InvocationOutcome) => string;
  /** More attributes for the invocation's span (e.g. an HTTP request's method and route). */
  readonly spanAttributes?: Attributes;
  /**
   * The trigger ends the invocation's span itself, with `outcome.endSpan`, once it has answered: the
   * Functions host's request span covers writing the response. Otherwise the span ends with the outcome.
   */
  readonly endsSpan?: boolean;
}

interface OutcomeCommon {
  readonly invocationId: string;
  readonly traceId: string;
  readonly durationMs: number;
  /** End the invocation's span (see `InvocationRequest.endsSpan`); only the first call counts. */
  readonly endSpan: (answer?: { readonly httpStatus?: number }) => void;
}

export type InvocationOutcome =
  | (OutcomeCommon & { readonly ok: true; readonly result: unknown })
  | (OutcomeCommon & { readonly ok: false; readonly error: unknown });

export interface FunctionInvokerOptions {
  readonly registry: FunctionsCoreRegistry;
  readonly logger: HostLogger;
  /** host.json `functionTimeout`: past it the invocation is reported as failed (the handler cannot be killed). */
  readonly functionTimeoutMs?: number;
  /**
   * Record a span per invocation when an OpenTelemetry SDK is registered, as the Functions host
   * does (default true). Off, the host only hands the worker a `traceparent`, as when the host is a
   * process of its own (the telemetry benchmark's Azure worker side).
   */
  readonly invocationSpans?: boolean;
}

class FunctionTimeoutError extends Error {
  constructor(functionName: string, invocationId: string, timeoutMs: number) {
    super(`Timeout value of ${timeoutMs} ms exceeded by function '${functionName}' (Id: '${invocationId}').`);
    this.name = 'FunctionTimeoutError';
  }
}

/**
 * Runs one invocation the way the worker does: a real `InvocationContext`, `preInvocation` hooks
 * (which may replace inputs or the handler), the handler, `postInvocation` hooks (which may replace
 * result or error), then one summary line. Never throws: the trigger adapter decides what a failure means.
 */
export class FunctionInvoker {
  readonly #options: FunctionInvokerOptions;
  readonly #inFlight = new InFlightTracker();

  constructor(options: Readonly<FunctionInvokerOptions>) {
    this.#options = options;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Resolve once every started invocation has finished. */
  async drain(): Promise<void> {
    await this.#inFlight.drain();
  }

  /** Run one invocation; the returned promise never rejects. Counted in flight until it ends. */
  async invoke(definition: FunctionDefinition, request: InvocationRequest): Promise<InvocationOutcome> {
    this.#inFlight.enter();
    try {
      const { registry, logger } = this.#options;
      const invocationId = randomUUID();
      const span = new InvocationSpan(
        {
          functionName: definition.name,
          triggerType: definition.trigger.type,
          invocationId,
          attributes: request.spanAttributes,
        },
        request.traceParent,
        this.#options.invocationSpans !== false,
      );
      const { traceParent, traceId } = span;
      const context: InvocationContext = new InvocationContext({
        invocationId,
        functionName: definition.name,
        logHandler: invocationLogHandler({
          registry,
          logger,
          functionName: definition.name,
          invocationId,
          context: () => context,
        }),
        traceContext: { traceParent, traceState: '', attributes: {} },
        triggerMetadata: request.triggerMetadata,
        options: definition.options,
      });

      const started = performance.now();
      let outcome: InvocationOutcome;
      try {
        const result = await this.#withTimeout(
          this.#runWithHooks(definition, context, request.input),
          definition.name,
          invocationId,
        );
        outcome = {
          ok: true,
          result,
          invocationId,
          traceId,
          durationMs: performance.now() - started,
          endSpan: (answer) => span.end({ httpStatus: answer?.httpStatus }),
        };
      } catch (error) {
        outcome = {
          ok: false,
          error,
          invocationId,
          traceId,
          durationMs: performance.now() - started,
          endSpan: (answer) => span.end({ failed: true, httpStatus: answer?.httpStatus }),
        };
      }
      if (!request.endsSpan) outcome.endSpan();

      try {
        const status = outcome.ok ? 'Succeeded' : 'Failed';
        const extra = request.describe ? ` ${request.describe(outcome)}` : '';
        const line = `Executed 'Functions.${definition.name}' (${status}, Id=${invocationId}, Duration=${Math.round(outcome.durationMs)}ms)${extra}`;
        if (outcome.ok) logger.info(line);
        else logger.error(`${line}\n${describeError(outcome.error)}`);
      } catch (error) {
        // The outcome never reaches the trigger: nobody else would end the span.
        outcome.endSpan({ httpStatus: request.endsSpan ? 500 : undefined });
        throw error;
      }
      return outcome;
    } finally {
      this.#inFlight.leave();
    }
  }

  async #runWithHooks(
    definition: FunctionDefinition,
    context: InvocationContext,
    input: unknown,
  ): Promise<unknown> {
    const { registry } = this.#options;
    const hookData: Record<string, unknown> = {};
    const pre: CoreHookContext = {
      hookData,
      appHookData: registry.appHookData,
      invocationContext: context,
      inputs: [input],
      functionCallback: definition.handler,
    };
    for (const hook of registry.hooks('preInvocation')) {
      // The worker awaits each hook; a hook that returned no promise has nothing to wait for.
      const pending = hook(pre);
      if (pending !== undefined) await pending;
    }

    const post: CoreHookContext = {
      hookData,
      appHookData: registry.appHookData,
      invocationContext: context,
      inputs: pre.inputs,
      result: null,
      error: null,
    };
    try {
      const handler = pre.functionCallback as CoreFunctionCallback;
      post.result = await handler(...(pre.inputs as unknown[]), context);
    } catch (error) {
      post.error = error;
    }
    for (const hook of registry.hooks('postInvocation')) await hook(post);

    if (post.error !== null && post.error !== undefined) throw post.error;
    return post.result;
  }

  /** `work`, or a FunctionTimeoutError past the host's functionTimeout (one promise, one timer). */
  #withTimeout<T>(work: Promise<T>, functionName: string, invocationId: string): Promise<T> {
    const timeoutMs = this.#options.functionTimeoutMs;
    if (timeoutMs === undefined) return work;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new FunctionTimeoutError(functionName, invocationId, timeoutMs)),
        timeoutMs,
      );
      timer.unref();
      work.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

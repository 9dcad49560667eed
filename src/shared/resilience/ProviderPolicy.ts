import {
  bulkhead,
  BulkheadPolicy,
  circuitBreaker,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  type GeneratorFn,
  handleWhen,
  isBrokenCircuitError,
  isBulkheadRejectedError,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';

import { AppError, isAppError } from '../errors/AppError.js';
import { chargeUpstreamCall } from '../limits/requestBudget.js';
import { watchCircuit } from '../telemetry/circuitTelemetry.js';
import { traceUpstreamCall, type UpstreamCallInfo } from '../telemetry/upstreamCall.js';
import { allowFanOut } from './allowFanOut.js';

export interface ProviderPolicyOptions {
  /** e.g. `kakao.search`; used in errors and metrics. */
  name: string;
  provider: string;
  /** Whole-call budget, retries and backoff included (docs/architecture.md#resilience: 2 s for place calls). */
  budgetMs: number;
  maxRetries?: number;
  /** Consecutive failures that open the breaker (docs/architecture.md#resilience: 5). */
  breakerThreshold?: number;
  /**
   * How long the breaker stays open before the first half-open trial call (default 1 s). Each trial
   * that fails doubles the wait, up to `halfOpenMaxMs`; waits are jittered to 50–100 %.
   */
  halfOpenAfterMs?: number;
  /** The longest wait between trial calls (default 4 s): an upstream that is back is used again within it. */
  halfOpenMaxMs?: number;
  /** Concurrent calls allowed, and how many may queue behind them. */
  concurrency?: number;
  queue?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /**
   * The calls go through `sendUpstreamRequest`, which reports each HTTP try on the call's span (see
   * `UpstreamCallInfo.recordsHttp`); default false, e.g. for a vendor SDK's own HTTP client.
   */
  recordsHttp?: boolean;
}

/** Codes that say the upstream itself is unwell (and so count towards opening the breaker). */
const UPSTREAM_FAILURES = new Set([
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_bad_response',
  'upstream_quota_exceeded',
  'upstream_rejected',
]);

/**
 * The resilience stack for one provider operation, built once per process and shared:
 * bulkhead → whole-call timeout → retry (exponential backoff with full jitter, honouring Retry-After
 * when it fits the remaining budget) → consecutive-failure circuit breaker → the call.
 * Everything that escapes is an AppError with a stable code.
 */
export class ProviderPolicy {
  readonly name: string;
  readonly #options: Required<Omit<ProviderPolicyOptions, 'random' | 'recordsHttp'>> & {
    random: () => number;
  };
  readonly #call: UpstreamCallInfo;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #bulkhead: BulkheadPolicy;

  constructor(options: Readonly<ProviderPolicyOptions>) {
    this.name = options.name;
    this.#call = {
      provider: options.provider,
      operation: options.name,
      recordsHttp: options.recordsHttp ?? false,
    };
    this.#options = {
      maxRetries: 2,
      breakerThreshold: 5,
      halfOpenAfterMs: 1_000,
      halfOpenMaxMs: 4_000,
      concurrency: 64,
      queue: 256,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: Math.random,
      ...options,
    };
    this.#breaker = circuitBreaker(
      handleWhen((e) => isAppError(e) && UPSTREAM_FAILURES.has(e.code)),
      {
        // A fixed 60 s kept uncached queries failing for most of a minute after a short outage had
        // ended; probing within seconds, backing off while the upstream stays down, costs one call.
        halfOpenAfter: new ExponentialBackoff({
          initialDelay: this.#options.halfOpenAfterMs,
          maxDelay: this.#options.halfOpenMaxMs,
          generator: halfJitter(this.#options.random),
        }),
        breaker: new ConsecutiveBreaker(this.#options.breakerThreshold),
      },
    );
    this.#bulkhead = bulkhead(this.#options.concurrency, this.#options.queue);
    watchCircuit(this.#breaker, { provider: this.#options.provider, operation: this.name });
  }

  /** `closed`, `open`, `halfOpen` or `isolated`. */
  get state(): 'closed' | 'open' | 'halfOpen' | 'isolated' {
    const map = {
      [CircuitState.Closed]: 'closed',
      [CircuitState.Open]: 'open',
      [CircuitState.HalfOpen]: 'halfOpen',
      [CircuitState.Isolated]: 'isolated',
    } as const;
    return map[this.#breaker.state];
  }

  /** True when calls would be rejected without reaching the upstream. */
  get isOpen(): boolean {
    return this.#breaker.state === CircuitState.Open || this.#breaker.state === CircuitState.Isolated;
  }

  get onBreak() {
    return this.#breaker.onBreak;
  }

  get onReset() {
    return this.#breaker.onReset;
  }

  /** Run one upstream operation through the stack, as one traced and measured upstream call. */
  async execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    // The request's upstream budget (issue #11): charged here, where every upstream call passes.
    await chargeUpstreamCall();
    if (signal) allowFanOut(signal);
    return traceUpstreamCall(this.#call, (attempt) =>
      this.#execute((inner) => {
        attempt();
        return fn(inner);
      }, signal),
    );
  }

  async #execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const o = this.#options;
    const deadline = Date.now() + o.budgetMs;
    const retryAfterMs = (e: unknown) =>
      isAppError(e) && e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : undefined;
    // Built per call because the retry decision depends on this call's remaining budget.
    const retryPolicy = retry(
      handleWhen((e) => {
        if (!isAppError(e) || !e.transient || isBrokenCircuitError(e)) return false;
        const wait = retryAfterMs(e) ?? 0;
        return Date.now() + wait < deadline - 50;
      }),
      {
        maxAttempts: o.maxRetries,
        backoff: new DelegateBackoff((context) => {
          const error = 'error' in context.result ? context.result.error : undefined;
          const hinted = retryAfterMs(error);
          if (hinted !== undefined) return hinted;
          const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (context.attempt - 1));
          return Math.round(cap * o.random());
        }),
      },
    );
    const policy = wrap(
      this.#bulkhead,
      timeout(o.budgetMs, TimeoutStrategy.Aggressive),
      retryPolicy,
      this.#breaker,
    );
    try {
      return await policy.execute(({ signal: inner }) => fn(inner), signal);
    } catch (error) {
      throw this.#translate(error);
    }
  }

  #translate(error: unknown): unknown {
    const provider = this.#options.provider;
    if (isBrokenCircuitError(error)) {
      return new AppError('upstream_circuit_open', `${this.name}: circuit open`, {
        detail: `${provider} is temporarily disabled after repeated failures`,
        provider,
        // The next trial call is due within halfOpenMaxMs; the first one sooner.
        retryAfterSeconds: Math.ceil(this.#options.halfOpenAfterMs / 1000),
        cause: error,
      });
    }
    // cockatiel 3.2.1's ESM isTaskCancelledError() tests the wrong property, so check the class instead.
    if (error instanceof TaskCancelledError) {
      return new AppError('upstream_timeout', `${this.name}: no answer within ${this.#options.budgetMs} ms`, {
        detail: `${provider} did not answer in time`,
        provider,
        cause: error,
      });
    }
    if (isBulkheadRejectedError(error)) {
      return new AppError('upstream_unavailable', `${this.name}: too many concurrent calls`, {
        detail: 'Too many concurrent calls to the map provider',
        provider,
        retryAfterSeconds: 1,
        cause: error,
      });
    }
    return error;
  }
}

/**
 * Exponential waits between half-open trials, each drawn from 50–100 % of its step so that instances
 * opened by the same outage do not probe in lockstep (cockatiel's own generators use Math.random;
 * this one takes the policy's injectable `random`).
 */
function halfJitter(random: () => number): GeneratorFn<number> {
  return (attempt = 0, options) => {
    const step = Math.min(options.maxDelay, options.initialDelay * 2 ** attempt);
    return [Math.round(step * (0.5 + 0.5 * random())), attempt + 1];
  };
}

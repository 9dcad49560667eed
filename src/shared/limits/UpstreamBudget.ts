import { AppError } from '../errors/AppError.js';
import type { CostLimits } from './CostLimits.js';
import type { UserCallLimiter } from './UserCallLimiter.js';

/**
 * The cost account of one HTTP request: every upstream call (cache misses only — a cache hit never
 * reaches the policy that charges) and every matrix element it asks for. Past a limit the charge
 * throws 429 `upstream_budget_exceeded` with a Retry-After.
 *
 * The error is not `transient`: retry policies, provider fallbacks and the route estimate must not
 * treat a refusal of ours as an upstream outage (which would retry it, or answer with estimates).
 */
export class UpstreamBudget {
  readonly #limits: CostLimits;
  readonly #limiter: UserCallLimiter;
  #userId?: string;
  #calls = 0;
  #matrixElements = 0;
  #refused?: AppError;

  constructor(limits: CostLimits, limiter: UserCallLimiter, userId?: string) {
    this.#limits = limits;
    this.#limiter = limiter;
    this.#userId = userId;
  }

  /** Upstream calls charged so far. */
  get calls(): number {
    return this.#calls;
  }

  /** The first refusal of this request, if any (the MCP entry turns it into the HTTP answer). */
  get refused(): AppError | undefined {
    return this.#refused;
  }

  /** The caller, once authenticated: from then on calls also count against their per-minute allowance. */
  attribute(userId: string): void {
    this.#userId = userId;
  }

  /** Charge one upstream call, or throw 429 when the request or the user has spent their allowance. */
  async chargeCall(): Promise<void> {
    if (this.#calls >= this.#limits.callsPerRequest)
      throw this.#refuse(
        `One request may make at most ${this.#limits.callsPerRequest} upstream calls; ask for less at once (what was fetched is cached)`,
        1,
      );
    this.#calls++;
    if (this.#userId === undefined) return;
    const window = await this.#limiter.add(this.#userId, 1);
    if (window.count > this.#limits.callsPerUserMinute)
      throw this.#refuse(
        `At most ${this.#limits.callsPerUserMinute} upstream calls per user per minute`,
        Math.max(1, Math.ceil(window.resetInMs / 1000)),
      );
  }

  /** Charge one matrix call of `elements` cells against the per-call and per-request element limits. */
  chargeMatrix(elements: number): void {
    const { matrixElementsPerCall: perCall, matrixElementsPerRequest: perRequest } = this.#limits;
    if (elements > perCall)
      throw this.#refuse(`A matrix may have at most ${perCall} elements (origins × destinations)`, 1);
    if (this.#matrixElements + elements > perRequest)
      throw this.#refuse(`One request may ask for at most ${perRequest} matrix elements in all`, 1);
    this.#matrixElements += elements;
  }

  #refuse(detail: string, retryAfterSeconds: number): AppError {
    const error = new AppError('upstream_budget_exceeded', 'Upstream cost limit reached', {
      detail,
      retryAfterSeconds,
    });
    this.#refused ??= error;
    return error;
  }
}

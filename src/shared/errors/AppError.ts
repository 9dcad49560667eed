import { ERROR_CODES, type ErrorCode } from './errorCodes.js';

export interface FieldError {
  /** Dotted path of the failing field, e.g. `members.0.age` or `query.lat`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Safe for clients: never put secrets, upstream bodies or stack traces here. */
  detail?: string;
  cause?: unknown;
  /** Overrides the code's default. */
  transient?: boolean;
  errors?: FieldError[];
  /** Seconds the caller should wait before retrying (429/503). */
  retryAfterSeconds?: number;
  /** Which upstream produced it, when one did. */
  provider?: string;
  /** Overrides the fault the status implies (5xx: `system`, otherwise `user`). */
  fault?: Fault;
}

/**
 * Whose fault an error is, as the Functions library distinguishes system from user errors: a `user`
 * fault is the caller's to fix (4xx, not logged as an error); a `system` fault is ours or an
 * upstream's (5xx), and is always logged with its cause.
 */
export type Fault = 'user' | 'system';

/**
 * The one error type that crosses layers. `code` is stable and documented in `errorCodes.ts`;
 * `transient` tells retry policies and the worker whether trying again may help; `fault` says whether
 * the caller or the system is to blame.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly transient: boolean;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly provider?: string;
  readonly fault: Fault;

  constructor(code: ErrorCode, message: string, options: Readonly<AppErrorOptions> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.transient = options.transient ?? ERROR_CODES[code].transient;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.provider = options.provider;
    this.fault = options.fault ?? (this.status >= 500 ? 'system' : 'user');
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/**
 * The cause chain of an error as one line for logs (`AppError: … ← SyntaxError: …`), with the stack
 * of the innermost cause: what an operator needs to find a system fault. Never sent to clients.
 */
export function describeCause(error: unknown): { cause?: string; stack?: string } {
  const chain: string[] = [];
  let current: unknown = error instanceof Error ? error.cause : undefined;
  let innermost: Error | undefined;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      chain.push(`${current.name}: ${current.message}`);
      innermost = current;
      current = current.cause;
    } else {
      chain.push(String(current));
      current = undefined;
    }
  }
  return chain.length === 0 ? {} : { cause: chain.join(' ← '), stack: innermost?.stack };
}

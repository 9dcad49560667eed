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
}

/**
 * The one error type that crosses layers. `code` is stable and documented in `errorCodes.ts`;
 * `transient` tells retry policies and the worker whether trying again may help.
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

  constructor(code: ErrorCode, message: string, options: Readonly<AppErrorOptions> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.transient = options.transient ?? ERROR_CODES[code].transient;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.provider = options.provider;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Whether retrying may help: only transient AppErrors, and network-level failures. */
export function isTransientError(value: unknown): boolean {
  if (isAppError(value)) return value.transient;
  return false;
}

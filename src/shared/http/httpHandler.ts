import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

import type { AppContext } from '../app/AppContext.js';
import { getAppContext, readyAppContext } from '../app/appContextHolder.js';
import type { Principal } from '../auth/Authenticator.js';
import { ConfigError } from '../config/ConfigError.js';
import { AppError, describeCause } from '../errors/AppError.js';
import { currentBudget, runWithBudget } from '../limits/requestBudget.js';
import { UpstreamBudget } from '../limits/UpstreamBudget.js';
import { httpBudgetSignal } from './httpBudgetSignal.js';
import { problemResponse, toAppError } from './problem.js';
import { traceIdOf } from './traceId.js';

/** What a handler receives besides the request: the shared app, the verified caller, the trace. */
export interface RequestScope {
  readonly app: AppContext;
  readonly context: InvocationContext;
  readonly traceId: string;
  /** Aborted when the platform's HTTP budget (230 s) runs out; pass it to every upstream call. */
  readonly signal: AbortSignal;
}

export interface AuthenticatedScope extends RequestScope {
  readonly principal: Principal;
}

/**
 * Wrap an HTTP handler: resolve the shared AppContext, run, and map every throw to problem+json through
 * the one mapper. Unknown errors become 500s with a traceId; their details go to the log only.
 */
export function anonymous(
  handler: (request: HttpRequest, scope: RequestScope) => Promise<HttpResponseInit>,
): HttpHandler {
  return async function anonymousHandler(request, context) {
    const started = performance.now();
    const traceId = traceIdOf(context);
    let app: AppContext | undefined;
    try {
      app =
        readyAppContext() ??
        (await getAppContext().catch((error: unknown) => {
          throw error instanceof ConfigError
            ? new AppError('config_invalid', 'The app is misconfigured', {
                detail: 'The service is misconfigured',
                cause: error,
              })
            : error;
        }));
      const scope = { app, context, traceId, signal: httpBudgetSignal() };
      // Every upstream call this request causes is charged to it (and, once authenticated, to its user).
      const budget = new UpstreamBudget(app.config.limits, app.upstreamLimiter);
      const response = await runWithBudget(budget, () => handler(request, scope));
      return withTrace(response, traceId, started);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.fault === 'system' || appError.status >= 500) {
        const fields = {
          traceId,
          code: appError.code,
          error: appError.message,
          ...describeCause(appError),
          fn: context.functionName,
        };
        if (app) app.logger.error('request failed', fields);
        else context.error(JSON.stringify(fields));
      }
      return withTrace(problemResponse(appError, traceId), traceId, started);
    }
  };
}

/** Like `anonymous`, but first verifies the bearer token; the handler gets the caller's principal. */
export function authenticated(
  handler: (request: HttpRequest, scope: AuthenticatedScope) => Promise<HttpResponseInit>,
): HttpHandler {
  return anonymous(async (request, scope) => {
    const token = request.headers.get(scope.app.config.auth.tokenHeader);
    const principal = await scope.app.authenticator.authenticate(token);
    currentBudget()?.attribute(principal.userId);
    return handler(request, { ...scope, principal });
  });
}

/** Adds the trace id and the app's own time (Server-Timing `app;dur`, ms) to every answer. */
function withTrace(response: HttpResponseInit, traceId: string, started: number): HttpResponseInit {
  const timing = `app;dur=${(performance.now() - started).toFixed(3)}`;
  const given = response.headers;
  // Our handlers answer with a record of lower-case names: added to as it is, without a `Headers` round trip.
  if (given === undefined || isLowerCaseRecord(given))
    return { ...response, headers: { ...given, 'x-trace-id': traceId, 'server-timing': timing } };
  const headers = new Headers(given as ConstructorParameters<typeof Headers>[0]);
  headers.set('x-trace-id', traceId);
  headers.set('server-timing', timing);
  return { ...response, headers: Object.fromEntries(headers.entries()) };
}

function isLowerCaseRecord(headers: unknown): headers is Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Object.getPrototypeOf(headers) !== Object.prototype)
    return false;
  for (const name in headers) if (name !== name.toLowerCase()) return false;
  return true;
}

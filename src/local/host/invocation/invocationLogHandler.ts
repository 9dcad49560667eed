import { format } from 'node:util';

import type { InvocationContext, LogHandler, LogLevel } from '@azure/functions';

import type { CoreHookContext } from '../core/coreTypes.js';
import type { FunctionsCoreRegistry } from '../core/FunctionsCoreRegistry.js';
import type { HostLogger } from '../HostLogger.js';

export interface InvocationLogOptions {
  readonly registry: FunctionsCoreRegistry;
  readonly logger: HostLogger;
  readonly functionName: string;
  readonly invocationId: string;
  /** The context the lines belong to, handed to `app.hook.log` handlers. */
  readonly context: () => InvocationContext | undefined;
}

function emit(logger: HostLogger, level: LogLevel, line: string): void {
  switch (level) {
    case 'trace':
    case 'debug':
      logger.debug(line);
      break;
    case 'warning':
      logger.warn(line);
      break;
    case 'error':
    case 'critical':
      logger.error(line);
      break;
    case 'none':
      break;
    default:
      logger.info(line);
  }
}

/**
 * The `logHandler` of an invocation's `context`: runs `app.hook.log` handlers (which may rewrite
 * level and message, as in the worker) and writes the line prefixed with function name and invocation id.
 */
export function invocationLogHandler(options: InvocationLogOptions): LogHandler {
  const { registry, logger, functionName, invocationId } = options;
  return (level: LogLevel, ...args: unknown[]) => {
    const hookContext: CoreHookContext = {
      hookData: {},
      appHookData: registry.appHookData,
      level,
      message: format(...args),
      category: 'user',
      invocationContext: options.context(),
    };
    for (const hook of registry.hooks('log')) {
      // Log hooks are synchronous in the worker: a returned promise is not awaited, and a failing
      // hook must not turn a log call into an exception inside the function.
      try {
        void Promise.resolve(hook(hookContext)).catch((error: unknown) =>
          logger.warn(`log hook failed: ${String(error)}`),
        );
      } catch (error) {
        logger.warn(`log hook failed: ${String(error)}`);
      }
    }
    emit(
      logger,
      hookContext.level as LogLevel,
      `[${functionName}:${invocationId}] ${String(hookContext.message)}`,
    );
  };
}

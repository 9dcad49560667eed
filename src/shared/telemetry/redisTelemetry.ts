import { type Attributes, context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Redis } from 'ioredis';

import { ATTR, INSTRUMENTATION_SCOPE } from './telemetryNames.js';
import { withinTrace } from './withinTrace.js';

/** The part of an ioredis `Command` read here: its name and the promise it settles. */
interface RedisCommand {
  readonly name: string;
  readonly promise: Promise<unknown>;
  [TRACED]?: true;
}

const TRACED = Symbol('tripgen.redis.traced');

/**
 * Every command of this connection as a CLIENT span (`redis GET`, `redis SET`, …) under the span that
 * issued it, with the command name and the server, never its arguments (keys hold query hashes and
 * trip ids, values hold user data). `@opentelemetry/instrumentation-ioredis` does this for ioredis
 * below 6 only, and by patching `require`, which ES module imports bypass; ioredis sends every
 * command, pipelined ones included, through `sendCommand`, so wrapping it on this one instance is
 * enough. Costs nothing outside a trace (telemetry off, or a command outside any request or job), and
 * a command re-sent from the offline queue keeps its first span.
 */
export function traceRedisCommands<T extends Redis>(redis: T): T {
  const send = redis.sendCommand.bind(redis) as (...args: unknown[]) => unknown;
  const server: Attributes = {
    'db.system': 'redis',
    'server.address': redis.options.host ?? 'localhost',
    'server.port': redis.options.port ?? 6379,
    [ATTR.peerService]: 'redis',
  };
  redis.sendCommand = ((command: RedisCommand, ...rest: unknown[]) => {
    if (command[TRACED] || !withinTrace(context.active())) return send(command, ...rest);
    command[TRACED] = true;
    const span = trace.getTracer(INSTRUMENTATION_SCOPE).startSpan(`redis ${command.name}`, {
      kind: SpanKind.CLIENT,
      attributes: { ...server, 'db.operation.name': command.name },
    });
    command.promise.then(
      () => span.end(),
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
        span.end();
      },
    );
    return send(command, ...rest);
  }) as T['sendCommand'];
  return redis;
}

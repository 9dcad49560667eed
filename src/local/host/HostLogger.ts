/** Where the local host writes its own lines and the functions' `context.log` output. */
export interface HostLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Console logger with the `[timestamp] message` shape that `func start` prints. */
export function consoleHostLogger(options: Readonly<{ debug?: boolean }> = {}): HostLogger {
  const stamp = () => `[${new Date().toISOString()}]`;
  return {
    debug: (message) => {
      if (options.debug) console.debug(stamp(), message);
    },
    info: (message) => console.log(stamp(), message),
    warn: (message) => console.warn(stamp(), message),
    error: (message) => console.error(stamp(), message),
  };
}

/** A logger that keeps every line, for tests and for callers that render logs themselves. */
export function memoryHostLogger(): HostLogger & { readonly lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}

/**
 * Warnings and errors on the console, the rest (one "Executed …" line per invocation) dropped: for
 * benchmarks, where a logger that kept every line would grow the heap by every request a run makes
 * and bill the app for the garbage collection.
 */
export function quietHostLogger(): HostLogger {
  return {
    debug: () => {},
    info: () => {},
    warn: (message) => console.warn(message),
    error: (message) => console.error(message),
  };
}

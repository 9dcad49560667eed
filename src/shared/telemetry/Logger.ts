import { activeTraceIds, emitLogRecord } from './otelLogBridge.js';

/** Structured logger. Implementations must never receive secret values: callers log names and codes. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Anything that looks like a credential is masked even if a caller slips (defence in depth). */
const SECRET_PATTERNS: RegExp[] = [
  /(KakaoAK\s+)[^\s"']+/gi,
  /(AccountKey=)[^;"'\s]+/gi,
  /(SharedAccessKey=)[^;"'\s]+/gi,
  /([?&](?:key|sig|code)=)[^&"'\s]+/gi,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{16,}/gi,
  /(rediss?:\/\/[^:/@\s]*:)[^@\s]+(@)/gi,
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS)
    out = out.replace(pattern, (_m, a: string, b?: string) => `${a}[redacted]${b ?? ''}`);
  return out;
}

/**
 * A JSON-lines logger over any sink (console, an InvocationContext, a test array). Lines carry the
 * active `trace_id`/`span_id`; every record also goes to the OpenTelemetry logs API.
 */
export function createLogger(
  sink: (level: LogLevel, line: string) => void,
  minLevel: LogLevel = 'info',
  base: Record<string, unknown> = {},
): Logger {
  const min = LEVELS.indexOf(minLevel);
  const emit = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < min) return;
    const record = { level, msg: message, ...base, ...fields, ...activeTraceIds() };
    const line = redact(JSON.stringify(record));
    sink(level, line);
    // The redacted line is parsed back so the OpenTelemetry record can never carry more than the line.
    const {
      level: _level,
      msg: _msg,
      trace_id: _t,
      span_id: _s,
      ...attributes
    } = JSON.parse(line) as Record<string, unknown>;
    emitLogRecord(level, redact(message), attributes);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export function consoleLogger(minLevel: LogLevel = 'info', base: Record<string, unknown> = {}): Logger {
  return createLogger(
    (level, line) =>
      level === 'error' ? console.error(line) : level === 'warn' ? console.warn(line) : console.log(line),
    minLevel,
    base,
  );
}

import type { IncomingMessage } from 'node:http';

/** `Host.CORS` and `Host.CORSCredentials` from local.settings.json, as `func start` reads them. */
export interface CorsSettings {
  /** Allowed origins; `*` allows any. */
  readonly origins: readonly string[];
  /** `Host.CORSCredentials`: allow cookies/Authorization from a browser (the origin is then echoed, never `*`). */
  readonly credentials: boolean;
}

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/**
 * The local host's CORS, following `func start`: a preflight (`OPTIONS` with `Origin` and
 * `Access-Control-Request-Method`) from an allowed origin is answered 204 by the host itself with the
 * requested method and headers allowed; every other response to an allowed origin carries
 * `Access-Control-Allow-Origin`. Origins not listed get no CORS headers, so the browser blocks them.
 * Hand-written rather than a middleware package: the host is plain `node:http`, and this is the whole rule.
 */
export class CorsPolicy {
  readonly #settings: CorsSettings;

  constructor(settings: Readonly<CorsSettings>) {
    this.#settings = settings;
  }

  /** True for a CORS preflight request (which the host answers without running a function). */
  static isPreflight(req: IncomingMessage): boolean {
    return (
      req.method === 'OPTIONS' &&
      Boolean(req.headers.origin) &&
      Boolean(req.headers['access-control-request-method'])
    );
  }

  /** The headers for a preflight from `req`'s origin; `{}` when the origin is not allowed. */
  preflightHeaders(req: IncomingMessage): Record<string, string> {
    const allow = this.responseHeaders(req);
    if (!allow['access-control-allow-origin']) return allow;
    const requestedHeaders = req.headers['access-control-request-headers'];
    return {
      ...allow,
      'access-control-allow-methods': String(req.headers['access-control-request-method']),
      ...(requestedHeaders ? { 'access-control-allow-headers': String(requestedHeaders) } : {}),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    };
  }

  /** The headers every response to `req`'s origin carries; `{}` without an allowed `Origin`. */
  responseHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !this.#allows(origin)) return {};
    const any = this.#settings.origins.includes('*');
    return {
      'access-control-allow-origin': any && !this.#settings.credentials ? '*' : origin,
      ...(any && !this.#settings.credentials ? {} : { vary: 'Origin' }),
      ...(this.#settings.credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    };
  }

  #allows(origin: string): boolean {
    const wanted = origin.replace(/\/$/, '').toLowerCase();
    return this.#settings.origins.some((o) => o === '*' || o.replace(/\/$/, '').toLowerCase() === wanted);
  }
}

/** `Host.CORS` ("*" or comma-separated origins) and `Host.CORSCredentials`; undefined when CORS is not set. */
export function corsSettingsFrom(
  host: { CORS?: unknown; CORSCredentials?: unknown } | undefined,
): CorsSettings | undefined {
  const origins =
    typeof host?.CORS === 'string'
      ? host.CORS.split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : [];
  if (origins.length === 0) return undefined;
  return { origins, credentials: host?.CORSCredentials === true || host?.CORSCredentials === 'true' };
}

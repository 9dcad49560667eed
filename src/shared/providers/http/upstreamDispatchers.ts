import { type Dispatcher, Pool } from 'undici';

/** Keep-alive pools, one per upstream origin (docs/architecture.md#resilience). */
export interface UpstreamDispatchers {
  /** The pool for `baseUrl`'s origin, created on first use and reused afterwards. */
  forBaseUrl(baseUrl: string): Dispatcher;
  /** Close every pool (graceful: in-flight requests finish). */
  close(): Promise<void>;
}

export interface UpstreamDispatchersOptions {
  /** Concurrent connections per host; a bulkhead sits above this, so it only caps sockets. */
  connectionsPerHost?: number;
  /** How long an idle socket is kept, ms. Providers close idle sockets after ~60 s; stay under. */
  keepAliveTimeoutMs?: number;
}

/**
 * Build the pools a process shares. Call once at cold start (the composition module does) and pass
 * `forBaseUrl(url)` to each client; clients built without a dispatcher use {@link defaultUpstreamDispatchers}.
 */
export function createUpstreamDispatchers(
  options: Readonly<UpstreamDispatchersOptions> = {},
): UpstreamDispatchers {
  const pools = new Map<string, Pool>();
  return {
    forBaseUrl(baseUrl) {
      const origin = new URL(baseUrl).origin;
      let pool = pools.get(origin);
      if (!pool) {
        pool = new Pool(origin, {
          connections: options.connectionsPerHost ?? 32,
          keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
          keepAliveMaxTimeout: 60_000,
        });
        pools.set(origin, pool);
      }
      return pool;
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map(async (pool) => pool.close()));
    },
  };
}

let processWide: UpstreamDispatchers | undefined;

/** The process-wide pools, created lazily; clients fall back to these when no dispatcher is given. */
export function defaultUpstreamDispatchers(): UpstreamDispatchers {
  processWide ??= createUpstreamDispatchers();
  return processWide;
}

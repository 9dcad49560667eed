/** One readiness probe. `required` dependencies make the app unhealthy (503); others only degrade it. */
export interface HealthCheck {
  readonly name: string;
  readonly required: boolean;
  check(signal: AbortSignal): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: Record<string, { status: 'ok' | 'fail'; ms: number; required: boolean; error?: string }>;
}

/** Run every check in parallel, each bounded by `timeoutMs`. Error texts are kinds, never secrets. */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  timeoutMs: number,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      const started = performance.now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        await Promise.race([
          c.check(signal),
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error(`timed out after ${timeoutMs} ms`)), {
              once: true,
            }),
          ),
        ]);
        return [
          c.name,
          { status: 'ok' as const, ms: Math.round(performance.now() - started), required: c.required },
        ] as const;
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'failed';
        return [
          c.name,
          {
            status: 'fail' as const,
            ms: Math.round(performance.now() - started),
            required: c.required,
            error: message,
          },
        ] as const;
      }
    }),
  );
  const checksOut = Object.fromEntries(results);
  const failed = results.filter(([, r]) => r.status === 'fail');
  const status = failed.some(([, r]) => r.required) ? 'down' : failed.length > 0 ? 'degraded' : 'ok';
  return { status, checks: checksOut };
}

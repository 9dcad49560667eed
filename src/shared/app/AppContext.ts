import type { Authenticator } from '../auth/Authenticator.js';
import type { AppConfig } from '../config/AppConfig.js';
import type { HealthCheck } from '../health/HealthCheck.js';
import type { Logger } from '../telemetry/Logger.js';

/**
 * Everything built once per process at cold start and shared by every invocation: config, clients,
 * caches, policies, services. Built by `buildAppContext` (the one composition module).
 */
export interface AppContext {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly authenticator: Authenticator;
  readonly healthChecks: readonly HealthCheck[];
  /** Release sockets, timers and connections (local host shutdown, tests). */
  close(): Promise<void>;
}

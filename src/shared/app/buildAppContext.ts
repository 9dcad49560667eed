import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Redis } from 'ioredis';

import { Authenticator } from '../auth/Authenticator.js';
import { createRedisConnection } from '../cache/redisConnection.js';
import type { AppConfig } from '../config/AppConfig.js';
import { type LoadConfigOptions, loadConfig } from '../config/loadConfig.js';
import type { Environment } from '../config/readSettings.js';
import { dependencyHealthChecks } from '../health/dependencyHealthChecks.js';
import { createStorageClients } from '../store/storageClients.js';
import { consoleLogger, type Logger } from '../telemetry/Logger.js';
import type { AppContext } from './AppContext.js';

export interface BuildOptions extends LoadConfigOptions {
  logger?: Logger;
  credential?: TokenCredential;
}

/**
 * The composition root: config → credential → clients → caches → providers → services.
 * Everything here is built once per process and shared by all invocations.
 */
export async function buildAppContext(env: Environment, options: Readonly<BuildOptions> = {}): Promise<AppContext> {
  let config: AppConfig;
  try {
    config = await loadConfig(env, options);
  } catch (error) {
    // Cold start must say exactly what is wrong, once, loudly; the error lists names, never values.
    (options.logger ?? consoleLogger()).error('configuration invalid', { error: (error as Error).message });
    throw error;
  }
  const logger = options.logger ?? consoleLogger(config.logLevel, { app: 'tripgen' });
  let credential: TokenCredential | undefined = options.credential;
  const getCredential = () =>
    (credential ??= new DefaultAzureCredential(config.azureClientId ? { managedIdentityClientId: config.azureClientId } : {}));

  const storage = createStorageClients(config, getCredential);
  const redisUrl = config.secrets.get('REDIS_URL');
  const redis: Redis | undefined = redisUrl ? createRedisConnection(redisUrl) : undefined;
  redis?.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));

  const authenticator = new Authenticator({
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    jwksUri: config.auth.mode === 'jwks' ? config.auth.jwksUri : undefined,
    localSecret: () => config.secrets.get('AUTH_LOCAL_SECRET'),
  });

  return {
    config,
    logger,
    authenticator,
    healthChecks: dependencyHealthChecks({ config, storage, redis, getCredential }),
    async close() {
      config.secrets.stopAutoRefresh();
      redis?.disconnect();
    },
  };
}

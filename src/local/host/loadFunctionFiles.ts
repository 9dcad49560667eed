import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { FunctionsCoreRegistry } from './core/FunctionsCoreRegistry.js';
import { type FunctionDefinition, toFunctionDefinition } from './FunctionDefinition.js';
import type { HostLogger } from './HostLogger.js';

/**
 * Import each function file (in order, one at a time so registrations can be attributed to the file
 * being evaluated) and return the functions those files registered through `@azure/functions`.
 * The core module must already be installed (`installFunctionsCore`).
 */
export async function loadFunctionFiles(
  registry: FunctionsCoreRegistry,
  files: readonly string[],
  logger: HostLogger,
): Promise<FunctionDefinition[]> {
  const sources = files.map((file) => path.resolve(file));
  for (const source of sources) {
    await registry.importOnce(source, () => import(pathToFileURL(source).href));
  }
  const wanted = new Set(sources);
  const registrations = registry
    .registrations()
    .filter((r) => r.source !== undefined && wanted.has(r.source));
  for (const source of sources) {
    if (!registrations.some((r) => r.source === source)) {
      // Usually: the file was imported before the host (so its app.* calls ran in test mode, or
      // were attributed elsewhere), or it registers nothing.
      logger.warn(`No functions were registered by ${source}.`);
    }
  }
  return registrations.map(toFunctionDefinition);
}

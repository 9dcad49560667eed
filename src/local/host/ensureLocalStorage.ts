import { azuriteConnectionString, type AzuriteProcess, startAzurite } from '../services/azuriteProcess.js';
import { waitForPort } from '../services/freePort.js';
import type { HostLogger } from './HostLogger.js';

/** Azurite's well-known ports, which `UseDevelopmentStorage=true` means. */
const DEV_PORTS = { blob: 10000, queue: 10001, table: 10002 } as const;

/** Whether `AzureWebJobsStorage` means "the local emulator" (unset, the dev shortcut, or a loopback 10000–10002 endpoint). */
export function wantsLocalEmulator(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.AzureWebJobsStorage__accountName || env.AzureWebJobsStorage__queueServiceUri) return false;
  const value = env.AzureWebJobsStorage?.trim();
  if (!value) return true;
  if (/^UseDevelopmentStorage=true/i.test(value)) return true;
  return /(127\.0\.0\.1|localhost):1000[012]\b/i.test(value);
}

async function isListening(port: number): Promise<boolean> {
  try {
    await waitForPort(port, 200);
    return true;
  } catch {
    return false;
  }
}

/**
 * Make `AzureWebJobsStorage` usable for `npm start`: when it points at the local emulator, reuse an
 * emulator already listening on 10000–10002 or start Azurite there (data kept in `location`), and fill
 * the setting in when it was empty. Returns the Azurite this call started, to stop at shutdown.
 */
export async function ensureLocalStorage(
  env: Record<string, string | undefined>,
  logger: HostLogger,
  location: string,
): Promise<AzuriteProcess | undefined> {
  if (!wantsLocalEmulator(env)) {
    logger.info('AzureWebJobsStorage points at a storage account; not starting Azurite.');
    return undefined;
  }
  env.AzureWebJobsStorage ||= azuriteConnectionString(DEV_PORTS);
  if (await isListening(DEV_PORTS.queue)) {
    logger.info('Something already listens on 127.0.0.1:10001; reusing it as Azurite.');
    return undefined;
  }
  logger.info(
    `Starting Azurite on ${DEV_PORTS.blob}/${DEV_PORTS.queue}/${DEV_PORTS.table} (data in ${location}).`,
  );
  return startAzurite({
    blobPort: DEV_PORTS.blob,
    queuePort: DEV_PORTS.queue,
    tablePort: DEV_PORTS.table,
    location,
  });
}

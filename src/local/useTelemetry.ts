import { startTelemetry } from '../shared/telemetry/otel/startTelemetry.js';
import type { BeforeLoadHook } from './host/createLocalHost.js';

/**
 * `npm start`: start OpenTelemetry before the function files load. The local host then records a span
 * per invocation, as the Functions host does in Azure. `TELEMETRY_EXPORTER=console` prints spans as
 * they end.
 */
export const useTelemetry: BeforeLoadHook = async ({ logger, onStop }) => {
  const telemetry = await startTelemetry({ env: process.env });
  if (telemetry.mode === 'off') return;
  logger.info(`Telemetry: exporting to ${telemetry.mode}.`);
  onStop(() => telemetry.shutdown());
};

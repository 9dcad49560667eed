import { startTelemetry } from '../shared/telemetry/otel/startTelemetry.js';
import type { BeforeLoadHook } from './host/createLocalHost.js';

/**
 * `npm start`: start OpenTelemetry before the function files load, with a span per invocation (in Azure
 * the Functions host records those). `TELEMETRY_EXPORTER=console` prints spans as they end.
 */
export const useTelemetry: BeforeLoadHook = async ({ logger, onStop }) => {
  const telemetry = await startTelemetry({ env: process.env, invocationSpans: true });
  if (telemetry.mode === 'off') return;
  logger.info(`Telemetry: exporting to ${telemetry.mode}.`);
  onStop(() => telemetry.shutdown());
};

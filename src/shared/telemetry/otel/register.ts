/**
 * Side-effect entry: start OpenTelemetry from the app settings before any function registers. Function
 * files import it first (through `enableHttpStream.ts`); ES module caching runs it once per process.
 * Off unless `APPLICATIONINSIGHTS_CONNECTION_STRING` or `TELEMETRY_EXPORTER` says otherwise.
 */
import { startTelemetry } from './startTelemetry.js';

await startTelemetry({ env: process.env });

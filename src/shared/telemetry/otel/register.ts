/**
 * Side-effect entry: start OpenTelemetry from the app settings before the first invocation. The
 * app-wide setup file (`src/functions/appSetup.ts`) imports it; ES module caching runs it once per process.
 * Off unless `APPLICATIONINSIGHTS_CONNECTION_STRING` or `TELEMETRY_EXPORTER` says otherwise.
 */
import { startTelemetry } from './startTelemetry.js';

await startTelemetry({ env: process.env });

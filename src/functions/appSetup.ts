/**
 * Not a function: the app-wide setup, in one file of the `main` glob (`dist/src/functions/*.js`).
 *
 * `app.setup` may be called from any file `main` matches: the worker loads every such file first and
 * only then asks the library for its capabilities, which is when the library locks setup and, with
 * `enableHttpStream`, starts its HTTP proxy (see `lockSetup` in @azure/functions `ProgrammingModel`).
 * Load order among the files does not matter, so no function file imports this one; the local host
 * and the tests load every file in src/functions the same way. Streaming serves Server-Sent Events.
 *
 * Telemetry starts here too: its undici instrumentation listens on diagnostics channels and its
 * invocation hook only has to be registered before the first invocation, so neither depends on order.
 */
import '../shared/telemetry/otel/register.js';

import { app } from '@azure/functions';

app.setup({ enableHttpStream: true });

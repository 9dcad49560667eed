import '../telemetry/otel/register.js';

import { app } from '@azure/functions';

/**
 * HTTP streaming (for Server-Sent Events) must be switched on once, before any function registers.
 * Every function file imports this module first; ES module caching makes it run exactly once.
 */
app.setup({ enableHttpStream: true });

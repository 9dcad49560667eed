import * as coreTracing from '@azure/core-tracing';
import { AzureSdkInstrumentation } from '@azure/opentelemetry-instrumentation-azure-sdk';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

import { withinTrace } from '../withinTrace.js';

type Instrumenter = Parameters<typeof coreTracing.useInstrumenter>[0];

/**
 * An instrumenter that traces only within a trace (a request, a job, a warmer run; see `withinTrace`):
 * calls outside one, such as a queue poll or start-up work, would otherwise each begin a trace of
 * their own.
 */
function withinTraces(inner: Instrumenter): Instrumenter {
  return {
    withContext: (ctx, callback, ...args) => inner.withContext(ctx, callback, ...args),
    parseTraceparentHeader: (header) => inner.parseTraceparentHeader(header),
    createRequestHeaders: (ctx) => inner.createRequestHeaders(ctx),
    startSpan(name, options) {
      const parent = options.tracingContext ?? context.active();
      if (withinTrace(parent)) return inner.startSpan(name, options);
      return inner.startSpan(name, {
        ...options,
        tracingContext: suppressTracing(context.active()),
      });
    },
  };
}

/**
 * Let the Azure SDKs (Tables, Blobs, Queues, Service Bus, Key Vault) trace through OpenTelemetry: client
 * spans per SDK operation and per HTTP request, under the active span. The instrumentation sets the
 * instrumenter of `@azure/core-tracing` when it sees that module loaded through `require`; this app
 * loads it as an ES module, which that hook never sees, so its patch is applied here, handing its
 * instrumenter to the module the SDKs import. The instrumenter lives in state `@azure/core-tracing`
 * shares between its ES module and CommonJS builds, so every SDK in the process picks it up.
 */
export function enableAzureSdkTracing(): void {
  const module = {
    useInstrumenter: (instrumenter: Instrumenter) => coreTracing.useInstrumenter(withinTraces(instrumenter)),
  };
  for (const definition of new AzureSdkInstrumentation({ enabled: false }).getModuleDefinitions())
    definition.patch?.(module);
}

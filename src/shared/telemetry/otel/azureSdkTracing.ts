import * as coreTracing from '@azure/core-tracing';
import { AzureSdkInstrumentation } from '@azure/opentelemetry-instrumentation-azure-sdk';

/**
 * Let the Azure SDKs (Tables, Blobs, Queues, Service Bus, Key Vault) trace through OpenTelemetry: client
 * spans per SDK operation and per HTTP request, under the active span. The instrumentation sets the
 * instrumenter of `@azure/core-tracing` when it sees that module loaded through `require`; this app
 * loads it as an ES module, which that hook never sees, so its patch is applied here to the module the
 * SDKs import. The instrumenter lives in state `@azure/core-tracing` shares between its ES module and
 * CommonJS builds, so every SDK in the process picks it up, whenever it was loaded.
 */
export function enableAzureSdkTracing(): void {
  const definitions = new AzureSdkInstrumentation({ enabled: false }).getModuleDefinitions();
  for (const definition of definitions) definition.patch?.(coreTracing);
}

import type { Environment } from '../config/readSettings.js';

export type QueueBackend = 'servicebus' | 'storage';

/**
 * The one decision between Service Bus and the Azure Storage queue for itinerary jobs, used by the trigger
 * registration (src/functions/itineraryWorker.ts) and by the sender (loadConfig → buildAppContext).
 *
 * It reads app settings only, because that is all the Functions host reads when it resolves a trigger's
 * `connection`, before any app code runs: a connection kept only in Key Vault (read by the app at run time)
 * would send jobs to Service Bus while the trigger listened on the storage queue. loadConfig therefore
 * refuses such a setting at start-up (see `TRIGGER_CONNECTIONS`).
 */
export function queueBackendFor(settings: Environment): QueueBackend {
  const set = (name: string) => (settings[name] ?? '').trim() !== '';
  return set('ServiceBusConnection') || set('ServiceBusConnection__fullyQualifiedNamespace')
    ? 'servicebus'
    : 'storage';
}

/** Settings the Functions host resolves itself for triggers: they must be app settings, never Key Vault secrets. */
export const TRIGGER_CONNECTIONS = ['AzureWebJobsStorage', 'ServiceBusConnection'] as const;

import { parseTimeSpan } from './parseTimeSpan.js';

/** The host.json settings the local host honours, with the real host's defaults filled in. */
export interface HostSettings {
  readonly http: { readonly routePrefix: string };
  readonly queues: {
    readonly maxPollingIntervalMs: number;
    /** Delay before a failed message becomes visible again (host.json `visibilityTimeout`). */
    readonly visibilityTimeoutMs: number;
    readonly batchSize: number;
    readonly newBatchThreshold: number;
    readonly maxDequeueCount: number;
    readonly messageEncoding: 'base64' | 'none';
  };
  readonly serviceBus: { readonly autoCompleteMessages: boolean; readonly maxConcurrentCalls: number };
  readonly functionTimeoutMs: number | undefined;
}

type Json = Record<string, unknown>;

function section(parent: Json | undefined, key: string): Json | undefined {
  const value = parent?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function numberSetting(parent: Json | undefined, key: string, fallback: number): number {
  const value = parent?.[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`host.json: "${key}" must be a number`);
  return value;
}

/** Read host.json (already parsed) into `HostSettings`; unknown keys are ignored, as the host does. */
export function toHostSettings(hostJson: Json = {}): HostSettings {
  const extensions = section(hostJson, 'extensions');
  const http = section(extensions, 'http');
  const queues = section(extensions, 'queues');
  const serviceBus = section(extensions, 'serviceBus');

  const routePrefix =
    typeof http?.routePrefix === 'string' ? http.routePrefix.replace(/^\/+|\/+$/g, '') : 'api';
  const batchSize = numberSetting(queues, 'batchSize', 16);
  const encoding = queues?.messageEncoding;
  return {
    http: { routePrefix },
    queues: {
      maxPollingIntervalMs:
        queues?.maxPollingInterval === undefined
          ? 60_000
          : parseTimeSpan(queues.maxPollingInterval, 'maxPollingInterval'),
      visibilityTimeoutMs:
        queues?.visibilityTimeout === undefined
          ? 0
          : parseTimeSpan(queues.visibilityTimeout, 'visibilityTimeout'),
      batchSize: Math.min(Math.max(batchSize, 1), 32),
      newBatchThreshold: numberSetting(queues, 'newBatchThreshold', Math.floor(batchSize / 2)),
      maxDequeueCount: numberSetting(queues, 'maxDequeueCount', 5),
      messageEncoding: typeof encoding === 'string' && encoding.toLowerCase() === 'none' ? 'none' : 'base64',
    },
    serviceBus: {
      autoCompleteMessages: serviceBus?.autoCompleteMessages !== false,
      maxConcurrentCalls: numberSetting(serviceBus, 'maxConcurrentCalls', 16),
    },
    functionTimeoutMs:
      hostJson.functionTimeout === undefined
        ? undefined
        : parseTimeSpan(hostJson.functionTimeout, 'functionTimeout'),
  };
}

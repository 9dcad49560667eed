import { type FunctionDefinition, triggerOption } from './FunctionDefinition.js';
import type { FunctionSummary } from './FunctionSummary.js';
import type { HttpRouteTable } from './http/HttpRouteTable.js';
import type { QueueListener } from './queueListenersFor.js';
import type { TimerTriggerRunner } from './timer/TimerTriggerRunner.js';

export interface HostState {
  readonly definitions: readonly FunctionDefinition[];
  readonly routes: HttpRouteTable | undefined;
  readonly timers: TimerTriggerRunner | undefined;
  readonly listeners: readonly QueueListener[];
  readonly baseUrl: URL | undefined;
}

/** What each function listens on, as far as the host has started: URLs, schedules, queues. */
export function summarizeFunctions(state: HostState): FunctionSummary[] {
  return state.definitions.map((definition): FunctionSummary => {
    const base = {
      name: definition.name,
      triggerType: definition.trigger.type,
      supported: definition.kind !== 'unsupported',
      ...(definition.source ? { source: definition.source } : {}),
    };
    switch (definition.kind) {
      case 'http': {
        const route = state.routes?.routes.find((r) => r.definition === definition);
        return {
          ...base,
          methods: route?.methods ?? [],
          ...(route && state.baseUrl ? { url: `${state.baseUrl.origin}${route.path}` } : {}),
          authLevel: triggerOption(definition, 'authLevel') ?? 'anonymous',
        };
      }
      case 'timer': {
        const timer = state.timers?.describe(definition.name);
        return {
          ...base,
          schedule: timer?.expression ?? triggerOption(definition, 'schedule'),
          ...(timer?.next ? { nextRun: timer.next.toISOString() } : {}),
          runOnStartup: definition.trigger.runOnStartup === true,
        };
      }
      case 'storageQueue':
      case 'serviceBus': {
        const listener = state.listeners.find((l) => l.functionName === definition.name);
        return {
          ...base,
          queueName: listener?.queueName ?? triggerOption(definition, 'queueName'),
          connection: listener?.connection ?? triggerOption(definition, 'connection'),
          ...(listener ? { transport: listener.transport } : {}),
        };
      }
      default:
        return base;
    }
  });
}

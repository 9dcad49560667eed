import type {
  EffectiveFunctionOptions,
  FunctionInput,
  FunctionOutput,
  FunctionTrigger,
} from '@azure/functions';

import type { CoreBindingInfo, CoreFunctionCallback } from './core/coreTypes.js';
import type { FunctionRegistration } from './core/FunctionsCoreRegistry.js';

/** The trigger kinds this host can run; anything else is listed at start and never invoked. */
export type TriggerKind = 'http' | 'timer' | 'storageQueue' | 'serviceBus' | 'unsupported';

/** A registered function as the host runs it: its trigger, all bindings, and the handler. */
export interface FunctionDefinition {
  readonly name: string;
  readonly kind: TriggerKind;
  /** The trigger binding, with its options (route, methods, schedule, queueName, connection, ...). */
  readonly trigger: CoreBindingInfo & { readonly name: string; readonly type: string };
  /** What `context.options` holds in the real worker (`fromRpcBindings`). */
  readonly options: EffectiveFunctionOptions;
  readonly handler: CoreFunctionCallback;
  readonly source: string | undefined;
}

const RETURN_BINDING = '$return';

function kindOf(triggerType: string): TriggerKind {
  switch (triggerType.toLowerCase()) {
    case 'httptrigger':
      return 'http';
    case 'timertrigger':
      return 'timer';
    case 'queuetrigger':
      return 'storageQueue';
    case 'servicebustrigger':
      return 'serviceBus';
    default:
      return 'unsupported';
  }
}

function isTriggerType(type: string | undefined): type is string {
  return !!type && /trigger$/i.test(type);
}

/** Build the host's view of one registration; throws when it has no trigger binding (as the worker does). */
export function toFunctionDefinition(registration: FunctionRegistration): FunctionDefinition {
  const { metadata, callback, source } = registration;
  let trigger: FunctionDefinition['trigger'] | undefined;
  let returnBinding: FunctionOutput | undefined;
  const extraInputs: FunctionInput[] = [];
  const extraOutputs: FunctionOutput[] = [];
  for (const [name, binding] of Object.entries(metadata.bindings)) {
    const type = binding.type ?? 'unknown';
    const named = { ...binding, type, name };
    if (isTriggerType(binding.type)) trigger = named;
    else if (name === RETURN_BINDING) returnBinding = named;
    else if (binding.direction === 'in') extraInputs.push(named);
    else if (binding.direction === 'out') extraOutputs.push(named);
  }
  if (!trigger) throw new Error(`Function "${metadata.name}" has no trigger binding.`);
  return {
    name: metadata.name,
    kind: kindOf(trigger.type),
    trigger,
    options: { trigger: trigger as FunctionTrigger, return: returnBinding, extraInputs, extraOutputs },
    handler: callback,
    source,
  };
}

/** Read a string option of the trigger binding (`route`, `schedule`, `queueName`, `connection`, ...). */
export function triggerOption(definition: FunctionDefinition, key: string): string | undefined {
  const value = definition.trigger[key];
  return typeof value === 'string' ? value : undefined;
}

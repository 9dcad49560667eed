/** One line of the start-up table, and what `LocalHost.functions()` returns. */
export interface FunctionSummary {
  readonly name: string;
  /** The trigger binding type: `httpTrigger`, `timerTrigger`, `queueTrigger`, `serviceBusTrigger`, ... */
  readonly triggerType: string;
  /** False for trigger types the local host lists but never invokes. */
  readonly supported: boolean;
  readonly methods?: readonly string[];
  /** Full URL template, e.g. `http://localhost:7071/api/trips/{tripId}`. */
  readonly url?: string;
  readonly authLevel?: string;
  readonly schedule?: string;
  readonly nextRun?: string;
  readonly runOnStartup?: boolean;
  readonly queueName?: string;
  readonly connection?: string;
  /** Where queue messages come from: a Storage queue (Azurite) or a Service Bus namespace. */
  readonly transport?: 'storageQueue' | 'serviceBus';
  readonly source?: string;
}

function describe(summary: FunctionSummary): string {
  if (summary.url) return `[${(summary.methods ?? []).join(',')}] ${summary.url}`;
  if (summary.schedule) {
    const startup = summary.runOnStartup ? ', runOnStartup' : '';
    return `${summary.triggerType} (schedule "${summary.schedule}"${startup}; next ${summary.nextRun ?? 'never'})`;
  }
  if (summary.queueName) {
    const via =
      summary.transport === 'serviceBus'
        ? `Service Bus via ${summary.connection}`
        : `Storage queue via ${summary.connection}`;
    return `${summary.triggerType} (queue "${summary.queueName}", ${via})`;
  }
  return summary.triggerType;
}

/** The `Functions:` block that `func start` prints, with schedules and queues spelled out. */
export function formatFunctionTable(summaries: readonly FunctionSummary[]): string {
  const lines = ['', 'Functions:', ''];
  for (const summary of summaries) {
    const note = summary.supported ? '' : '  (not run by the local host)';
    lines.push(`        ${summary.name}: ${describe(summary)}${note}`, '');
  }
  if (summaries.length === 0) lines.push('        No job functions found.', '');
  return lines.join('\n');
}

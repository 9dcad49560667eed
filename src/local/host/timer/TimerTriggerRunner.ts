import type { Timer } from '@azure/functions';

import { type FunctionDefinition, triggerOption } from '../FunctionDefinition.js';
import type { HostLogger } from '../HostLogger.js';
import type { FunctionInvoker, InvocationOutcome } from '../invocation/FunctionInvoker.js';
import { type AppSettings, resolveAppSettingExpressions } from '../resolveAppSetting.js';
import type { ScheduledTimer, TimerScheduler } from './TimerScheduler.js';

export interface TimerTriggerRunnerOptions {
  readonly definitions: readonly FunctionDefinition[];
  readonly invoker: FunctionInvoker;
  readonly scheduler: TimerScheduler;
  readonly settings: AppSettings;
  readonly logger: HostLogger;
  readonly now: () => Date;
}

interface ArmedTimer {
  readonly definition: FunctionDefinition;
  readonly expression: string;
  readonly runOnStartup: boolean;
  readonly timer: ScheduledTimer;
  last: Date | undefined;
  running: boolean;
}

/** Late by more than this and the invocation says `isPastDue`, as after a missed occurrence. */
const PAST_DUE_AFTER_MS = 1_000;

/** Fires timer-triggered functions on their NCRONTAB schedules with the worker's timer payload. */
export class TimerTriggerRunner {
  readonly #options: TimerTriggerRunnerOptions;
  readonly #timers = new Map<string, ArmedTimer>();

  constructor(options: Readonly<TimerTriggerRunnerOptions>) {
    this.#options = options;
  }

  /** Arm every timer (invalid schedules fail here, naming the function), then run the `runOnStartup` ones. */
  start(): void {
    const { definitions, scheduler, settings } = this.#options;
    for (const definition of definitions.filter((d) => d.kind === 'timer')) {
      const raw = triggerOption(definition, 'schedule');
      if (!raw) throw new Error(`Function "${definition.name}": the timer trigger has no schedule`);
      const expression = resolveAppSettingExpressions(raw, settings, `Function "${definition.name}"`);
      let timer: ScheduledTimer;
      try {
        timer = scheduler.schedule(expression, (scheduledAt) => this.#fire(definition.name, scheduledAt));
      } catch (error) {
        throw new Error(
          `Function "${definition.name}": invalid schedule "${expression}": ${(error as Error).message}`,
          { cause: error },
        );
      }
      const runOnStartup = definition.trigger.runOnStartup === true;
      this.#timers.set(definition.name.toLowerCase(), {
        definition,
        expression,
        runOnStartup,
        timer,
        last: undefined,
        running: false,
      });
    }
    for (const armed of this.#timers.values()) {
      if (armed.runOnStartup) void this.#fire(armed.definition.name, this.#options.now(), { overlap: true });
    }
  }

  /** Schedule and next occurrence of a timer function, for the start-up table. */
  describe(name: string): { expression: string; next: Date | null } | undefined {
    const armed = this.#timers.get(name.toLowerCase());
    return armed && { expression: armed.expression, next: armed.timer.nextRun(this.#options.now()) };
  }

  /** Invoke a timer function now, as if its schedule had come due. */
  async fire(name: string): Promise<InvocationOutcome> {
    if (!this.#timers.has(name.toLowerCase())) throw new Error(`No timer-triggered function named "${name}"`);
    const outcome = await this.#fire(name, this.#options.now(), { overlap: true });
    if (!outcome) throw new Error(`Timer "${name}" did not run`);
    return outcome;
  }

  stop(): void {
    for (const armed of this.#timers.values()) armed.timer.stop();
  }

  async #fire(
    name: string,
    scheduledAt: Date,
    options: { overlap?: boolean } = {},
  ): Promise<InvocationOutcome | undefined> {
    const armed = this.#timers.get(name.toLowerCase());
    if (!armed) return undefined;
    if (armed.running && !options.overlap) {
      // The host runs one instance of a timer function at a time: an occurrence due while the last
      // one still runs is skipped.
      this.#options.logger.warn(
        `Timer '${armed.definition.name}' is still running; skipping the occurrence due at ${scheduledAt.toISOString()}.`,
      );
      return undefined;
    }
    const now = this.#options.now();
    const last = armed.last ?? armed.timer.previousRun(scheduledAt) ?? scheduledAt;
    const payload: Timer = {
      isPastDue: now.getTime() - scheduledAt.getTime() > PAST_DUE_AFTER_MS,
      schedule: { adjustForDST: true },
      scheduleStatus: {
        last: last.toISOString(),
        next: (armed.timer.nextRun(scheduledAt) ?? scheduledAt).toISOString(),
        lastUpdated: now.toISOString(),
      },
    };
    armed.last = scheduledAt;
    armed.running = true;
    try {
      return await this.#options.invoker.invoke(armed.definition, { input: payload });
    } finally {
      armed.running = false;
    }
  }
}

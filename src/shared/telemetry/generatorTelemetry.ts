import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';

import type { ItineraryGenerator, ProgressReporter } from '../pipeline/ItineraryGenerator.js';
import { instruments } from './instruments.js';
import { INSTRUMENTATION_SCOPE } from './telemetryNames.js';

interface OpenStep {
  step: string;
  span: Span;
  started: number;
  cpu: NodeJS.CpuUsage;
}

/**
 * The generator with its steps measured: a span per step (`gathering_places`, `planning`,
 * `validating`), `job_duration` by step and outcome, `itinerary_generation_time`, and
 * `planner_cpu_time` (process CPU while planning: the solvers are CPU-bound, so on a busy instance it
 * also counts other work done meanwhile).
 */
export function instrumentGenerator(generator: ItineraryGenerator): ItineraryGenerator {
  const planAround = generator.planAroundLockedDays?.bind(generator);
  return {
    generate: (trip, options, report, signal) =>
      measured(report, (measuredReport) => generator.generate(trip, options, measuredReport, signal)),
    // A job on an itinerary with locked days gathers here and plans when it stores: both are measured.
    ...(planAround
      ? {
          planAroundLockedDays: async (trip, current, report, signal) => {
            const plan = await measured(report, (measuredReport) =>
              planAround(trip, current, measuredReport, signal),
            );
            return (latest) => {
              const started = { at: performance.now(), cpu: process.cpuUsage() };
              let outcome = 'ok';
              try {
                return plan(latest);
              } catch (error) {
                outcome = outcomeOf(error);
                throw error;
              } finally {
                recordStep('planning', started, outcome);
              }
            };
          },
        }
      : {}),
  };
}

/** Run one generation with its steps measured: `run` reports its steps through the reporter it is given. */
async function measured<T>(
  report: ProgressReporter,
  run: (report: ProgressReporter) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(INSTRUMENTATION_SCOPE);
  const metrics = instruments();
  const parent = context.active();
  const started = performance.now();
  let open: OpenStep | undefined;
  const close = (outcome: string) => {
    if (!open) return;
    recordStep(open.step, { at: open.started, cpu: open.cpu }, outcome);
    if (outcome !== 'ok') open.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    open.span.end();
    open = undefined;
  };
  let outcome = 'ok';
  try {
    return await run(async (step, progress) => {
      close('ok');
      open = {
        step,
        span: tracer.startSpan(`job ${step}`, {}, parent),
        started: performance.now(),
        cpu: process.cpuUsage(),
      };
      await report(step, progress);
    });
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    close(outcome);
    metrics.generationTime.record(performance.now() - started, { outcome });
  }
}

/** `job_duration` of one step, and `planner_cpu_time` when it is the planning. */
function recordStep(step: string, started: { at: number; cpu: NodeJS.CpuUsage }, outcome: string): void {
  const metrics = instruments();
  metrics.jobDuration.record(performance.now() - started.at, { step, outcome });
  if (step === 'planning') {
    const cpu = process.cpuUsage(started.cpu);
    metrics.plannerCpuTime.record((cpu.user + cpu.system) / 1000);
  }
}

const outcomeOf = (error: unknown) => (error as { code?: string })?.code ?? 'error';

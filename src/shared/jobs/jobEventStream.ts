import { type Job, TERMINAL, toJobView } from './Job.js';
import type { JobEventBus } from './JobEventBus.js';

export interface JobEventStreamOptions {
  /** Read the current state (the store, owner-checked). */
  read: () => Promise<Job>;
  events: JobEventBus;
  pollMs?: number;
  heartbeatMs?: number;
  maxDurationMs?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
}

/**
 * Server-Sent Events for one job: the current state at once, then every change, until the job ends
 * (or `maxDurationMs`, after which the client reconnects). Pushed from Redis pub/sub when available;
 * otherwise, and as a safety net against missed messages, the store is polled.
 */
export function jobEventStream(options: Readonly<JobEventStreamOptions>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pollMs = options.pollMs ?? (options.events.subscribe ? 2_000 : 500);
  let stop: (() => void) | undefined;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let last = '';
      let closed = false;
      let unsubscribe: (() => Promise<void>) | undefined;
      const timers: NodeJS.Timeout[] = [];
      const close = () => {
        if (closed) return;
        closed = true;
        options.onClose?.();
        timers.forEach(clearInterval);
        void unsubscribe?.();
        controller.close();
      };
      stop = close;
      const send = (job: Job) => {
        if (closed) return;
        const view = JSON.stringify(toJobView(job));
        if (view === last) return;
        last = view;
        controller.enqueue(encoder.encode(`event: ${job.status}\nid: ${job.updatedAt}\ndata: ${view}\n\n`));
        if (TERMINAL.has(job.status)) close();
      };
      const poll = async () => {
        try {
          send(await options.read());
        } catch {
          close();
        }
      };
      if (options.events.subscribe) {
        const subscribe = options.events.subscribe.bind(options.events);
        unsubscribe = await options
          .read()
          .then(async (job) => subscribe(job.jobId, send))
          .catch(() => undefined);
      }
      await poll();
      if (closed) return;
      timers.push(setInterval(() => void poll(), pollMs));
      timers.push(
        setInterval(
          () => !closed && controller.enqueue(encoder.encode(': keep-alive\n\n')),
          options.heartbeatMs ?? 15_000,
        ),
      );
      timers.push(setTimeout(close, options.maxDurationMs ?? 5 * 60_000));
    },
    cancel() {
      stop?.();
    },
  });
}

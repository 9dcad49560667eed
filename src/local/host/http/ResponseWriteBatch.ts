import type { ServerResponse } from 'node:http';

import type { PlainResponse } from './toPlainResponse.js';
import { writePlainResponse } from './writeFunctionResponse.js';

interface PendingWrite {
  readonly res: ServerResponse;
  readonly response: PlainResponse;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Answers already in memory, written together once the event loop has run every request that
 * arrived in this turn (`setImmediate`: right after the poll phase that read them), instead of one
 * by one as each handler finishes.
 *
 * Why: on loopback every write that finds the client asleep wakes it, and that wake-up is paid in
 * the writer's system call. Writing each cached answer the moment it is ready woke the client once
 * per answer; under load that cost more CPU than the handler itself. Written as a burst, the client
 * wakes once, reads all of them, and the server's writes get as cheap as a bare server's. An answer
 * waits at most for the other requests of its own turn; with one request at a time it goes out in
 * the same turn, one `setImmediate` later. Node has no such cross-connection cork, hence this class.
 */
export class ResponseWriteBatch {
  #pending: PendingWrite[] = [];
  readonly #flush = () => this.#writeAll();

  /** Write `response` with this turn's batch; settles once written (rejects if writing threw). */
  write(res: ServerResponse, response: PlainResponse): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(this.#flush);
      this.#pending.push({ res, response, resolve, reject });
    });
  }

  #writeAll(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const { res, response, resolve, reject } of pending) {
      try {
        writePlainResponse(res, response);
        resolve();
      } catch (error) {
        reject(error);
      }
    }
  }
}

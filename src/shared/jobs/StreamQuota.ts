import { AppError } from '../errors/AppError.js';

/**
 * Caps the event streams one user holds open on this instance: each stream holds a socket, timers and
 * a Redis subscription, so an unbounded number per user is a cheap way to exhaust an instance.
 */
export class StreamQuota {
  readonly #open = new Map<string, number>();
  readonly #maxPerUser: number;

  constructor(maxPerUser: number) {
    this.#maxPerUser = maxPerUser;
  }

  /** Take one slot for `userId` (429 when all are taken); call the returned function when the stream ends. */
  acquire(userId: string): () => void {
    const open = this.#open.get(userId) ?? 0;
    if (open >= this.#maxPerUser)
      throw new AppError('rate_limited', 'Too many open streams', {
        detail: `At most ${this.#maxPerUser} event streams may be open at once; close one first`,
        retryAfterSeconds: 5,
      });
    this.#open.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(userId) ?? 1) - 1;
      if (left <= 0) this.#open.delete(userId);
      else this.#open.set(userId, left);
    };
  }
}

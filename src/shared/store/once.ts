/**
 * Run `create` (e.g. "create the table if it is missing") at most once per process: concurrent callers
 * share the first attempt; a failed attempt is forgotten so the next caller tries again.
 */
export function once(create: () => Promise<unknown>): () => Promise<void> {
  let pending: Promise<unknown> | undefined;
  return async () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    await pending;
  };
}

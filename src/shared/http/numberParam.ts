import { z } from 'zod';

/** A plain decimal as it appears in a query string: `37.5`, `-122`, `1e3`. No hex, no blanks. */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number that may arrive as a decimal string (query strings are strings). Unlike `z.coerce.number()`,
 * an empty string, `true`, `null` or `"0x10"` is refused rather than turned into 0, 1, 0 or 16 — so
 * `lat=&lng=` is a 400, not a search at (0, 0) — and MCP callers must send real numbers or decimals.
 */
export function numberParam<T extends z.ZodType<number, number | undefined>>(inner: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value),
    inner,
  );
}

import { LRUCache } from 'lru-cache';

/** Inputs whose text is longer than this are parsed every time. */
const MAX_KEY_LENGTH = 2_048;

/** Per owner (a schema, a tool): at most 2,000 inputs and 250 K characters of keys, a few MB at most. */
const remembered = new WeakMap<object, LRUCache<string, object>>();

/**
 * `parse()` of the input whose text is `key`, remembered per `owner` (a query schema, an MCP tool):
 * hot paths whose clients repeat the same inputs (a cached search, over REST or MCP) neither walk nor
 * validate a repeat again, and get the very same deeply frozen value, which later steps can remember
 * things by (the search's cache key). `parse` answers undefined (or throws) for an invalid input,
 * which is not remembered. Only for parses whose output depends on the input alone (no clock).
 */
export function parsedOnce<T>(owner: object, key: string, parse: () => T | undefined): T | undefined {
  if (key.length > MAX_KEY_LENGTH) return deepFreeze(parse());
  let cache = remembered.get(owner);
  if (!cache) {
    cache = new LRUCache<string, object>({
      max: 2_000,
      maxSize: 250_000,
      sizeCalculation: (_value, k) => Math.max(1, k.length),
    });
    remembered.set(owner, cache);
  }
  const known = cache.get(key);
  if (known) return known as T;
  const parsed = deepFreeze(parse());
  if (typeof parsed === 'object' && parsed !== null) cache.set(key, parsed);
  return parsed;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

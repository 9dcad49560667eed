import { SerializedJson } from './SerializedJson.js';

/**
 * Serialized answers remembered for as long as the value they were made from lives: keyed by that
 * object's identity (a cached page's `places` array, a cached itinerary view), so a cache hit is
 * served as bytes without JSON.stringify, and the memo goes when the cache lets the value go.
 * `variant` tells apart answers built from the same value (e.g. `cache: hit` or `stale`).
 */
export class SerializationMemo<K extends object> {
  readonly #memo = new WeakMap<K, Map<string, SerializedJson>>();

  /** The remembered answer, if any (for answers built asynchronously; see `set`). */
  peek(key: K, variant: string): SerializedJson | undefined {
    return this.#memo.get(key)?.get(variant);
  }

  set(key: K, variant: string, json: SerializedJson): void {
    let variants = this.#memo.get(key);
    if (!variants) {
      variants = new Map();
      this.#memo.set(key, variants);
    }
    variants.set(variant, json);
  }

  get(key: K, variant: string, build: () => SerializedJson): SerializedJson {
    let variants = this.#memo.get(key);
    if (!variants) {
      variants = new Map();
      this.#memo.set(key, variants);
    }
    let json = variants.get(variant);
    if (!json) {
      json = build();
      variants.set(variant, json);
    }
    return json;
  }
}

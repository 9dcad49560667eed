import type { IncomingHttpHeaders } from 'node:http';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A valid header name (RFC 9110 token): one Fetch would look up rather than refuse. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;

type HeaderPairs = ReturnType<Headers['entries']>;
type HeaderNames = ReturnType<Headers['keys']>;

/** `Headers` with its members as methods: its declared type lists them as read-only properties, which a subclass may not override. */
interface FetchHeaders {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  getSetCookie(): string[];
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void;
  keys(): HeaderNames;
  values(): HeaderNames;
  entries(): HeaderPairs;
  [Symbol.iterator](): HeaderPairs;
}
const FetchHeaders = Headers as unknown as new () => FetchHeaders;

/** Node's value for a header as one Fetch value: repeats joined as HTTP allows (cookies with "; "). */
function joined(name: string, value: string | string[]): string {
  return Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
}

/**
 * A request's headers as Fetch `Headers`, read from the map Node already parsed. `get` and `has` of
 * a valid name answer from that map (null/false when the request lacks it); anything else
 * (iterating, `set`, `append`, `delete`, a name that is not a valid header name) first copies the
 * whole map into the `Headers` it is, then is Fetch's own method, with Fetch's checks and errors.
 *
 * Why: handlers read a few headers by name, and building the full `Headers` (a WebIDL conversion and
 * a token check per header) for every request was a measurable share of a cached answer. Still a
 * real `Headers` (`instanceof`, `new Headers(h)`, `new Request(url, { headers: h })` all work: the
 * iterator fills first). Node lowercases names, trims values and drops repeats of single-valued
 * headers before any of this, exactly as the full copy saw them.
 */
export class IncomingHeaders extends FetchHeaders {
  #incoming: IncomingHttpHeaders | undefined;

  constructor(incoming: IncomingHttpHeaders) {
    super();
    this.#incoming = incoming;
  }

  override get(name: string): string | null {
    const text = String(name);
    // Validity first, on the name as given: lowercasing could turn a non-ASCII name into a valid one.
    if (this.#incoming && HTTP_TOKEN.test(text)) {
      const key = text.toLowerCase();
      const value = this.#lookup(key);
      return value === undefined ? null : joined(key, value);
    }
    this.#fill();
    return super.get(name);
  }

  override has(name: string): boolean {
    const text = String(name);
    if (this.#incoming && HTTP_TOKEN.test(text)) return this.#lookup(text.toLowerCase()) !== undefined;
    this.#fill();
    return super.has(name);
  }

  override append(name: string, value: string): void {
    this.#fill();
    super.append(name, value);
  }

  override set(name: string, value: string): void {
    this.#fill();
    super.set(name, value);
  }

  override delete(name: string): void {
    this.#fill();
    super.delete(name);
  }

  override getSetCookie(): string[] {
    this.#fill();
    return super.getSetCookie();
  }

  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }

  override keys(): HeaderNames {
    this.#fill();
    return super.keys();
  }

  override values(): HeaderNames {
    this.#fill();
    return super.values();
  }

  override entries(): HeaderPairs {
    this.#fill();
    return super.entries();
  }

  override [Symbol.iterator](): HeaderPairs {
    this.#fill();
    return super[Symbol.iterator]();
  }

  /** `console.log(request.headers)` shows the headers, not the still-empty copy. */
  [INSPECT](...args: unknown[]): unknown {
    this.#fill();
    const inspect = (Headers.prototype as unknown as Record<symbol, unknown>)[INSPECT];
    return typeof inspect === 'function' ? (inspect as (...a: unknown[]) => unknown).apply(this, args) : this;
  }

  /** Node's own value, before the copy; never an inherited property (`constructor`, `__proto__`). */
  #lookup(key: string): string | string[] | undefined {
    const incoming = this.#incoming;
    return incoming && Object.hasOwn(incoming, key) ? incoming[key] : undefined;
  }

  #fill(): void {
    const incoming = this.#incoming;
    if (!incoming) return;
    this.#incoming = undefined;
    for (const [name, value] of Object.entries(incoming)) {
      if (value !== undefined) super.append(name, joined(name, value));
    }
  }
}

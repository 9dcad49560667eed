/**
 * The Fetch `Request` an `HttpRequest` wraps, for a body the host already holds in memory: URL,
 * method and `Headers` are at hand at once, and the real `Request` (body stream, abort signal,
 * WebIDL checks) is built only when a handler reads the body or clones the request. Most requests
 * (GETs, and every handler that only reads headers and query) never need it; building one per
 * request was a measurable share of a cached answer. Everything `HttpRequest` calls is here, and
 * each body method is the real `Request`'s own.
 */
export class InMemoryRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly #body: Buffer | undefined;
  #request?: Request;

  constructor(url: string, method: string, headers: Headers, body: Buffer) {
    this.url = url;
    this.method = method;
    this.headers = headers;
    // GET and HEAD cannot carry a body in Fetch; the library drops one too.
    this.#body = body.length > 0 && method !== 'GET' && method !== 'HEAD' ? body : undefined;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.#body ? this.#real().body : null;
  }

  get bodyUsed(): boolean {
    return this.#request?.bodyUsed ?? false;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#real().arrayBuffer();
  }

  async blob(): Promise<Blob> {
    return this.#real().blob();
  }

  async formData(): Promise<FormData> {
    return this.#real().formData();
  }

  async json(): Promise<unknown> {
    return this.#real().json();
  }

  async text(): Promise<string> {
    return this.#real().text();
  }

  clone(): Request {
    return this.#real().clone();
  }

  #real(): Request {
    this.#request ??= new Request(this.url, { method: this.method, headers: this.headers, body: this.#body });
    return this.#request;
  }
}

const utf8 = new TextDecoder();

/**
 * The Fetch `Request` an `HttpRequest` wraps, for a body the host already holds in memory. URL,
 * method and `Headers` are at hand at once; `text()`, `json()` and `arrayBuffer()` read the bytes
 * directly, with Fetch's rules (UTF-8 without BOM, one read only: `bodyUsed`, then a TypeError).
 * The real `Request` (body stream, abort signal, WebIDL checks) is built only for `body`, `blob()`,
 * `formData()` and `clone()`. Building it, and reading a one-chunk body through a stream, per
 * request was a measurable share of a cached answer. Everything `HttpRequest` calls is here.
 */
export class InMemoryRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly #bytes: Buffer | undefined;
  #request?: Request;
  #readDirectly = false;

  constructor(url: string, method: string, headers: Headers, body: Buffer) {
    this.url = url;
    this.method = method;
    this.headers = headers;
    // GET and HEAD cannot carry a body in Fetch; the library drops one too.
    this.#bytes = body.length > 0 && method !== 'GET' && method !== 'HEAD' ? body : undefined;
  }

  get body(): ReadableStream<Uint8Array> | null {
    // Once `body`, `blob()`, `formData()` or `clone()` built the real Request, every read goes through it.
    if (!this.#bytes) return null;
    const body = this.#real().body!;
    // Read already: the stream is there but disturbed, as Fetch leaves it.
    if (this.#readDirectly && !body.locked) body.getReader();
    return body;
  }

  get bodyUsed(): boolean {
    return this.#readDirectly || (this.#request?.bodyUsed ?? false);
  }

  async text(): Promise<string> {
    if (this.#request) return this.#request.text();
    return utf8.decode(this.#take());
  }

  async json(): Promise<unknown> {
    if (this.#request) return this.#request.json();
    return JSON.parse(utf8.decode(this.#take()));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#request) return this.#request.arrayBuffer();
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async blob(): Promise<Blob> {
    this.#usable();
    return this.#real().blob();
  }

  async formData(): Promise<FormData> {
    this.#usable();
    return this.#real().formData();
  }

  clone(): Request {
    this.#usable();
    return this.#real().clone();
  }

  /** The bytes, once (Fetch bodies are read one time); no body reads as empty, as often as asked. */
  #take(): Uint8Array {
    if (!this.#bytes) return new Uint8Array(0);
    this.#usable();
    this.#readDirectly = true;
    return this.#bytes;
  }

  #usable(): void {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
  }

  #real(): Request {
    this.#request ??= new Request(this.url, {
      method: this.method,
      headers: this.headers,
      body: this.#bytes,
    });
    return this.#request;
  }
}

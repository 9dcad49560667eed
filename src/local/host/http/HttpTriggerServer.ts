import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HttpResponse } from '../functionsLibrary.js';
import type { HostLogger } from '../HostLogger.js';
import type { FunctionInvoker, InvocationOutcome } from '../invocation/FunctionInvoker.js';
import { InFlightTracker } from '../invocation/InFlightTracker.js';
import { CorsPolicy } from './CorsPolicy.js';
import { writeHostProblem } from './hostProblem.js';
import type { HttpRouteTable } from './HttpRouteTable.js';
import { readRequestBody, RequestBodyTooLargeError } from './readRequestBody.js';
import { ResponseWriteBatch } from './ResponseWriteBatch.js';
import { toFunctionHttpRequest } from './toFunctionHttpRequest.js';
import { type PlainResponse, toPlainResponse } from './toPlainResponse.js';
import { toFunctionHttpResponse, writeFunctionResponse } from './writeFunctionResponse.js';

export interface HttpTriggerServerOptions {
  readonly routes: HttpRouteTable;
  readonly invoker: FunctionInvoker;
  readonly logger: HostLogger;
  /** Larger bodies get 413 before any function runs. */
  readonly maxRequestBodyBytes: number;
  /** `Host.CORS` of local.settings.json; without it no CORS headers are added. */
  readonly cors?: CorsPolicy;
}

const newTraceId = () => randomBytes(16).toString('hex');

/** An error as text, whatever was thrown (a null-prototype object has no `toString`). */
function describe(error: unknown): string {
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/** The request URL, or undefined when the `Host` header cannot be part of one (the caller's fault: 400). */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return undefined;
  }
}

/** What the handler returned: plain bytes when it can be written as they are, else the library's class. */
function toResponseOrError(result: unknown): PlainResponse | HttpResponse | Error {
  try {
    return toPlainResponse(result) ?? toFunctionHttpResponse(result);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Serves HTTP-triggered functions on one port, as the Functions host does on 7071. */
export class HttpTriggerServer {
  readonly #options: HttpTriggerServerOptions;
  readonly #server: Server;
  readonly #requests = new InFlightTracker();
  readonly #writes = new ResponseWriteBatch();
  #stopping = false;

  constructor(options: Readonly<HttpTriggerServerOptions>) {
    this.#options = options;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** Listen on `host:port` (port 0 picks a free one); resolves with the base URL. */
  async listen(port: number, host = '127.0.0.1'): Promise<URL> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const address = this.#server.address() as AddressInfo;
    const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    return new URL(`http://${shownHost}:${address.port}`);
  }

  /**
   * Stop accepting requests, let those in progress finish (responses still streaming included) for
   * up to `graceMs`, then drop whatever connection is left.
   */
  async close(graceMs: number): Promise<void> {
    this.#stopping = true;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const result = await Promise.race([this.#requests.drain(), graceOver]);
    clearTimeout(timer);
    if (result === 'timeout')
      this.#options.logger.warn(
        `Closing ${this.#requests.size} HTTP connection(s) still open after ${graceMs} ms.`,
      );
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#requests.enter();
    try {
      await this.#route(req, res);
    } catch (error) {
      // Nothing awaits this promise, so the last resort may not throw: a connection it cannot answer is dropped.
      try {
        this.#options.logger.error(`HTTP host error for ${req.method} ${req.url}: ${describe(error)}`);
        writeHostProblem(res, {
          status: 500,
          code: 'internal',
          title: 'Internal error',
          detail: 'The local Functions host failed to process the request.',
          traceId: newTraceId(),
        });
      } catch {
        res.destroy();
      }
    } finally {
      this.#requests.leave();
    }
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { routes, invoker, maxRequestBodyBytes, cors } = this.#options;
    const method = req.method ?? 'GET';
    const url = requestUrl(req);

    if (cors) {
      // As under `func start`, the host answers preflights itself and no function sees them.
      if (CorsPolicy.isPreflight(req)) {
        req.resume();
        res.writeHead(204, cors.preflightHeaders(req));
        res.end();
        return;
      }
      // Set before any writeHead: Node merges these into whatever the function or the host writes.
      for (const [name, value] of Object.entries(cors.responseHeaders(req))) res.setHeader(name, value);
    }

    if (!url) {
      // Kestrel, in front of the real Functions host, refuses such a request with 400 before routing.
      req.resume();
      writeHostProblem(res, {
        status: 400,
        code: 'validation_failed',
        title: 'The request is not valid',
        detail: 'The Host header is not a valid host name.',
        traceId: newTraceId(),
        headers: { connection: 'close' },
      });
      return;
    }

    if (this.#stopping) {
      req.resume();
      writeHostProblem(res, {
        status: 503,
        code: 'dependency_unavailable',
        title: 'The host is shutting down',
        detail: 'The local Functions host is stopping and takes no new requests.',
        traceId: newTraceId(),
        headers: { connection: 'close' },
      });
      return;
    }

    const match = routes.match(method, url.pathname);
    if (match.kind !== 'found') {
      req.resume();
      const detail =
        match.kind === 'methodNotRouted'
          ? `No function accepts ${method} ${url.pathname} (it is routed for ${match.allowed.join(', ')}).`
          : `No function is routed at ${url.pathname}.`;
      writeHostProblem(res, {
        status: 404,
        code: 'not_found',
        title: 'Not found',
        detail,
        traceId: newTraceId(),
      });
      return;
    }

    let body: Buffer;
    try {
      const read = readRequestBody(req, maxRequestBodyBytes);
      body = read instanceof Promise ? await read : read;
    } catch (error) {
      if (!(error instanceof RequestBodyTooLargeError)) throw error;
      writeHostProblem(res, {
        status: 413,
        code: 'payload_too_large',
        title: 'The request body is too large',
        detail: error.message,
        traceId: newTraceId(),
      });
      return;
    }

    const request = toFunctionHttpRequest(req, url, match.params, body);
    // Converted while the invocation's summary line is written, so that line can carry the status.
    let response: PlainResponse | HttpResponse | Error | undefined;
    const outcome = await invoker.invoke(match.route.definition, {
      input: request,
      traceParent: typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined,
      describe: (o: InvocationOutcome) => {
        if (o.ok) response = toResponseOrError(o.result);
        const status = response && !(response instanceof Error) ? response.status : 500;
        return `${method} ${url.pathname} -> ${status}`;
      },
      spanAttributes: { 'http.request.method': method, 'http.route': match.route.path },
      endsSpan: true,
    });
    // The request's span ends once the answer is written, as the host's does; a write that failed
    // ends it as the 500 the host then answers (or the connection it drops).
    let status = 500;
    try {
      if (!outcome.ok) {
        this.#writeUnhandled(res, outcome.traceId);
      } else if (response instanceof HttpResponse) {
        status = response.status ?? 200;
        await writeFunctionResponse(res, response);
      } else if (response && !(response instanceof Error)) {
        status = response.status;
        await this.#writes.write(res, response);
      } else {
        this.#options.logger.error(
          `Function "${match.route.definition.name}" returned an invalid response: ${String(response)}`,
        );
        this.#writeUnhandled(res, outcome.traceId);
      }
    } catch (error) {
      status = 500;
      throw error;
    } finally {
      outcome.endSpan({ httpStatus: status });
    }
  }

  #writeUnhandled(res: ServerResponse, traceId: string): void {
    // The app's own error mapper normally answers first; this is the host's last resort.
    writeHostProblem(res, {
      status: 500,
      code: 'internal',
      title: 'Internal error',
      detail: `The function failed. Quote traceId ${traceId} when reporting it.`,
      traceId,
    });
  }
}

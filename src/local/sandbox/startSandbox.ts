import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { controlRoute } from './controlRoutes.js';
import { SandboxDataset } from './dataset/SandboxDataset.js';
import { SANDBOX_NOTICE } from './dataset/SandboxPlace.js';
import { FaultController } from './faults/FaultController.js';
import { faultResponse } from './faults/faultResponse.js';
import {
  INVALID_JSON,
  type SandboxContext,
  type SandboxRequest,
  type SandboxResponse,
} from './sandboxHttp.js';
import { SandboxStats } from './SandboxStats.js';
import { type Upstream, upstreamOf } from './Upstream.js';
import { checkGoogleKey, googleError } from './upstreams/googleAnswers.js';
import { googlePlacesRoute } from './upstreams/googlePlacesRoutes.js';
import { GOOGLE_ROUTES_ROUTES } from './upstreams/googleRoutesRoutes.js';
import { checkKakaoKey, kakaoLocalError, kakaoMobilityError } from './upstreams/kakaoAnswers.js';
import { KAKAO_LOCAL_ROUTES } from './upstreams/kakaoLocalRoutes.js';
import { KAKAO_MOBILITY_ROUTES } from './upstreams/kakaoMobilityRoutes.js';
import { checkTranslatorAuth, translatorError } from './upstreams/translatorAnswers.js';
import { translatorRoute } from './upstreams/translatorRoutes.js';

export interface StartSandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** The key Kakao requests must carry; default `sandbox-kakao-key`. */
  kakaoKey?: string;
  /** The key Google requests must carry; default `sandbox-google-key`. */
  googleKey?: string;
  /** The key Translator requests must carry (or an Entra bearer token); default `sandbox-translator-key`. */
  translatorKey?: string;
  /** The clock for "open now"; default the real one. */
  now?: () => Date;
}

export interface RunningSandbox {
  /** Base URL for KAKAO_LOCAL_BASE_URL, KAKAO_MOBILITY_BASE_URL, GOOGLE_PLACES_BASE_URL and GOOGLE_ROUTES_BASE_URL alike. */
  url: string;
  kakaoKey: string;
  googleKey: string;
  translatorKey: string;
  faults: FaultController;
  /** Upstream request counts ("upstream calls" in cache benchmarks). */
  stats: { requests(): number; byPath(): Record<string, number>; reset(): void };
  /** The served places; `places.patch(id, {openingHours})` changes a place at run time. */
  places: SandboxDataset;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function routeFor(upstream: Upstream, method: string, path: string) {
  switch (upstream) {
    case 'kakao-local':
      return method === 'GET' ? KAKAO_LOCAL_ROUTES[path] : undefined;
    case 'kakao-mobility':
      return method === 'GET' ? KAKAO_MOBILITY_ROUTES[path] : undefined;
    case 'google-places':
      return googlePlacesRoute(method, path);
    case 'google-routes':
      return method === 'POST' ? GOOGLE_ROUTES_ROUTES[path] : undefined;
    case 'translator':
      return translatorRoute(method, path);
  }
}

function notFound(upstream: Upstream | undefined, path: string): SandboxResponse {
  if (upstream === 'kakao-local') return kakaoLocalError(404, 'NotFound', `no such API ${path}`);
  if (upstream === 'kakao-mobility') return kakaoMobilityError(404, -2, `no such API ${path}`);
  if (upstream === 'translator') return translatorError(404, '404001', `no such method ${path}`);
  if (upstream) return googleError(404, `Method not found: ${path}`);
  return { status: 404, body: { error: `the sandbox serves no ${path}` } };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return INVALID_JSON;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=UTF-8',
    'x-sandbox-notice': SANDBOX_NOTICE,
    ...response.headers,
  });
  res.end(response.status === 204 ? undefined : text);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Start the sandbox upstream: one local HTTP server answering like Kakao Local, Kakao Mobility,
 * Google Places (New), Google Routes and Azure Translator (text), from the bundled sample dataset of
 * real places (approximate facts). Keys are checked as the providers do; faults are programmable in-process and over HTTP
 * (see `controlRoutes.ts`). Each request: count it, apply faults (latency, then the first terminal
 * fault), check the key, answer.
 */
export async function startSandbox(options: Readonly<StartSandboxOptions> = {}): Promise<RunningSandbox> {
  const kakaoKey = options.kakaoKey ?? 'sandbox-kakao-key';
  const googleKey = options.googleKey ?? 'sandbox-google-key';
  const translatorKey = options.translatorKey ?? 'sandbox-translator-key';
  const faults = new FaultController();
  const stats = new SandboxStats();
  const dataset = SandboxDataset.bundled();
  const ctx: SandboxContext = { dataset, now: options.now ?? (() => new Date()), kakaoKey, googleKey };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const sandboxReq: SandboxRequest = {
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      body: await readBody(req),
    };
    const path = url.pathname;
    if (path.startsWith('/__sandbox')) return send(res, controlRoute(sandboxReq, { faults, stats, dataset }));

    stats.record(path);
    const upstream = upstreamOf(path);
    const handler = upstream && routeFor(upstream, sandboxReq.method, path);
    if (!upstream || !handler) return send(res, notFound(upstream, path));

    const decision = faults.decide(upstream, path);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.fault) {
      const outcome = faultResponse(decision.fault, upstream, path);
      if (outcome === 'hang') return; // the client times out; close() destroys the socket
      if (outcome === 'reset') {
        req.socket.destroy();
        return;
      }
      return send(res, outcome);
    }
    const rejected =
      upstream === 'translator'
        ? checkTranslatorAuth(sandboxReq, translatorKey)
        : upstream.startsWith('kakao')
          ? checkKakaoKey(sandboxReq, kakaoKey, upstream === 'kakao-local' ? 'local' : 'mobility')
          : checkGoogleKey(
              sandboxReq,
              googleKey,
              upstream === 'google-places' ? 'places.googleapis.com' : 'routes.googleapis.com',
            );
    send(res, rejected ?? handler(sandboxReq, ctx));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: { error: `sandbox failure: ${String(error)}` } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    kakaoKey,
    googleKey,
    translatorKey,
    faults,
    stats,
    places: dataset,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { FaultController } from './faults/FaultController.js';
export type { FaultRuleInput } from './faults/faultRule.js';

import type { IncomingHttpHeaders } from 'node:http';

import type { SandboxDataset } from './dataset/SandboxDataset.js';

/** A request as the sandbox handlers see it: URL parsed, JSON body parsed when there is one. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` when empty; `INVALID_JSON` when it did not parse. */
  body: unknown;
}

export const INVALID_JSON = Symbol('invalid JSON');

/** A handler's answer; a string `body` is sent as it is (for malformed-JSON faults). */
export interface SandboxResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What handlers may use besides the request. */
export interface SandboxContext {
  dataset: SandboxDataset;
  /** The sandbox clock, for "open now". */
  now: () => Date;
  kakaoKey: string;
  googleKey: string;
}

export type SandboxHandler = (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse;

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/** The first value of a header (Node joins or arrays some). */
export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

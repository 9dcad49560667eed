import { Agent, request } from 'node:http';

import { type CapturedResponse, replayableHeaders } from './bareServer.js';

/** One loopback HTTP agent for the bench's own sequential requests (keep-alive, like the load client). */
export const benchAgent = new Agent({ keepAlive: true, maxSockets: 1 });

export interface HotPathRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One request over node:http (not fetch: fetch decompresses and adds accept-encoding), returning the
 * raw bytes and headers the server wrote.
 */
export async function rawRequest(baseUrl: string, spec: HotPathRequest): Promise<CapturedResponse> {
  const url = new URL(spec.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: spec.method, headers: spec.headers, agent: benchAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: replayableHeaders(res.headers),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(spec.body);
  });
}

/** The `app;dur=` figure of a Server-Timing header, in ms. */
export function serverTimingMs(headers: Record<string, string>): number | undefined {
  const match = /(?:^|,)\s*app;dur=([\d.]+)/.exec(headers['server-timing'] ?? '');
  return match ? Number(match[1]) : undefined;
}
